namespace Digibank.Api.Participants;

/// <summary>What staff type when they register a person at the counter: the same fields, and the same checks, as a resident's own sign-up.</summary>
public sealed record RegisterParticipantInput(
    string FirstName, string? Email, string? Phone, string MunicipalityId, TargetGroup TargetGroup, bool Consent, bool SmsConsent) : IResidentInput;
