using Digibank.Api.Data;
using Digibank.Api.GraphQL.Mutations;
using Digibank.Api.Municipalities;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Participants;

/// <summary>
/// What residents tell about themselves when they sign up, reserve a device or ask for help: a first
/// name, one way to reach them, their town and who they are. Checked the same way everywhere, and the
/// same person (same e-mail or phone, or the person staff picked at the counter) is recognised instead of stored twice.
/// </summary>
public sealed record ResidentDetails(string? FirstName, string? Email, string? Phone, int MunicipalityId, TargetGroup TargetGroup, bool SmsConsent = false)
{
    // Known people are found by comparing with what is stored, so the contacts are held in the stored form.
    public string? Email { get; } = EmailAddress.Normalise(Email);

    public string? Phone { get; } = PhoneNumber.Normalise(Phone);

    /// <summary>The person staff picked from the region's people at the counter; null for details someone typed.</summary>
    public int? ParticipantId { get; private init; }

    /// <summary>
    /// A person staff picked at the counter: that very person, recognised by who they are rather than by a contact
    /// (someone registered without e-mail or phone has none), and kept as stored.
    /// </summary>
    public static ResidentDetails Of(Participant participant) =>
        new(participant.FirstName, participant.Email, participant.Phone, participant.MunicipalityId, participant.TargetGroup, participant.SmsConsentGivenAt is not null)
        {
            ParticipantId = participant.Id,
        };

    /// <summary>
    /// Anonymous residents give exactly one contact channel; staff may help someone who has none.
    /// Contact errors are judged on what was typed, so a mistyped address gets one error, not two.
    /// </summary>
    public static ResidentDetails Check(
        InputRules rules,
        StaffUser? staff,
        IResidentInput input,
        string keptFor,
        string reachedFor)
    {
        var municipalityId = rules.Id(nameof(input.MunicipalityId), MunicipalityType.TypeName, input.MunicipalityId);
        var firstName = rules.PersonName(nameof(input.FirstName), input.FirstName);
        var email = rules.Email(nameof(input.Email), input.Email);
        var phone = rules.Phone(nameof(input.Phone), input.Phone);
        var gaveEmail = !string.IsNullOrWhiteSpace(input.Email);
        var gavePhone = !string.IsNullOrWhiteSpace(input.Phone);
        rules.Require(!(gaveEmail && gavePhone), nameof(input.Email), "Give one contact channel: an e-mail address or a phone number, not both.");
        rules.Require(staff is not null || gaveEmail || gavePhone, nameof(input.Email),
            $"Give an e-mail address or a phone number, so {reachedFor}. Staff can help someone without either.");
        rules.Require(!input.SmsConsent || gavePhone, nameof(input.SmsConsent), "Text messages need a mobile number: give one, or leave smsConsent out.");
        if (!input.Consent)
        {
            rules.Add(new ConsentRequiredError($"Agree that Digibank keeps your first name and contact {keptFor}."));
        }

        return new ResidentDetails(firstName, email, phone, municipalityId, input.TargetGroup, input.SmsConsent && gavePhone);
    }

    /// <summary>The person picked, or else the one known by this e-mail address or phone number, if any (never someone erased).</summary>
    /// <remarks>Each region keeps its own people: the same person signing up in the next region is that region's participant.</remarks>
    public async Task<Participant?> FindKnownAsync(DigibankDbContext db, int regionId, CancellationToken cancellationToken) =>
        ParticipantId is { } id ? await db.Participants.FirstOrDefaultAsync(p => p.Id == id && p.RegionId == regionId && p.ErasedAt == null, cancellationToken)
        : Email is not null ? await db.Participants.FirstOrDefaultAsync(p => p.RegionId == regionId && p.Email == Email && p.ErasedAt == null, cancellationToken)
        : Phone is not null ? await db.Participants.FirstOrDefaultAsync(p => p.RegionId == regionId && p.Phone == Phone && p.ErasedAt == null, cancellationToken)
        : null;

    /// <summary>The refusal when the person picked is not (any more) one of the region's people: erased, or of another region.</summary>
    public NotFoundError? NotFound(Participant? known) => ParticipantId is not null && known is null ? new("There is no such participant.") : null;

    /// <summary>
    /// The participant these details stand for: a new one, or the known person. Only staff, who have the
    /// person in front of them, update a known person's details; anyone else (an anonymous caller, a
    /// partner's upload) is linked to that person as they are, so typing someone's e-mail address or phone
    /// number never changes what is stored about them.
    /// </summary>
    public Participant Store(DigibankDbContext db, int regionId, Participant? known, DateTime now, StaffUser? staff)
    {
        if (ParticipantId is not null)
        {
            return known ?? throw new InvalidOperationException("A person picked at the counter is stored already; check NotFound first.");
        }

        if (known is not null && staff is null)
        {
            return known;
        }

        var participant = known ?? db.Participants.Add(new Participant { RegionId = regionId, CreatedAt = now }).Entity;
        participant.FirstName = FirstName;
        participant.Email = Email ?? participant.Email;
        participant.Phone = Phone ?? participant.Phone;
        participant.MunicipalityId = MunicipalityId;
        participant.TargetGroup = TargetGroup;
        participant.ConsentGivenAt = now;
        participant.SmsConsentGivenAt = SmsConsent && participant.Phone is not null ? participant.SmsConsentGivenAt ?? now : null;
        return participant;
    }
}
