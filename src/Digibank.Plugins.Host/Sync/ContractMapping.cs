using Digibank.Partners.V1;
using Google.Protobuf.WellKnownTypes;
using PluginSignUpChange = Digibank.Plugins.SignUpChange;
using ProtoCourseOffer = Digibank.Partners.V1.CourseOffer;
using ProtoSessionOffer = Digibank.Partners.V1.SessionOffer;

namespace Digibank.Plugins.Host;

/// <summary>Plug-in types to and from the gRPC contract. Tolerates what a careless plug-in yields (nulls, local times): the API judges the records.</summary>
internal static class ContractMapping
{
    public static ProtoCourseOffer ToContract(CourseOffer offer)
    {
        var contract = new ProtoCourseOffer
        {
            ExternalId = offer.ExternalId ?? string.Empty,
            Title = offer.Title ?? string.Empty,
            Summary = offer.Summary ?? string.Empty,
            Level = offer.Level ?? string.Empty,
            Language = offer.Language ?? string.Empty,
            HelpPointName = offer.HelpPointName ?? string.Empty,
            VenueName = offer.VenueName ?? string.Empty,
            VenueStreet = offer.VenueStreet ?? string.Empty,
            Municipality = offer.Municipality ?? string.Empty,
            Capacity = offer.Capacity,
            PriceCents = offer.PriceCents,
            SignUpDeadline = offer.SignUpDeadline is { } deadline ? ToTimestamp(deadline) : null,
            Cancelled = offer.Cancelled,
            WheelchairAccessible = offer.WheelchairAccessible,
            AccessibilityNotes = offer.AccessibilityNotes ?? string.Empty,
        };
        if (offer.ReducedPriceCents is { } reduced)
            contract.ReducedPriceCents = reduced;
        contract.Topics.AddRange(NonNull(offer.Topics));
        contract.TargetGroups.AddRange(NonNull(offer.TargetGroups));
        foreach (var session in offer.Sessions ?? [])
        {
            if (session is null)
                continue;
            contract.Sessions.Add(new ProtoSessionOffer
            {
                StartsAt = ToTimestamp(session.StartsAt),
                EndsAt = ToTimestamp(session.EndsAt),
                Room = session.Room ?? string.Empty,
            });
        }

        return contract;
    }

    public static PartnerSignUp ToContract(SignUpRecord signUp) => new()
    {
        ExternalId = signUp.ExternalId ?? string.Empty,
        CourseExternalId = signUp.CourseExternalId ?? string.Empty,
        FirstName = signUp.FirstName ?? string.Empty,
        Email = signUp.Email ?? string.Empty,
        Phone = signUp.Phone ?? string.Empty,
        Municipality = signUp.Municipality ?? string.Empty,
        TargetGroup = signUp.TargetGroup ?? string.Empty,
        Cancelled = signUp.Cancelled,
    };

    public static PluginSignUpChange ToPlugin(SignUpChangeEvent change) => new(
        change.SignUpId,
        change.CourseExternalId,
        change.Status,
        change.HasWaitlistPosition ? change.WaitlistPosition : null,
        EmptyAsNull(change.FirstName),
        EmptyAsNull(change.Email),
        EmptyAsNull(change.Phone),
        change.ChangedAt?.ToDateTime() ?? DateTime.MinValue)
    {
        Erased = change.Erased,
    };

    // The contract says UTC; a plug-in that hands a local or unspecified time gets the reading it most likely meant.
    private static Timestamp ToTimestamp(DateTime value) => Timestamp.FromDateTime(value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    });

    private static IEnumerable<string> NonNull(IEnumerable<string>? values) => (values ?? []).Where(value => value is not null);

    private static string? EmptyAsNull(string value) => value.Length == 0 ? null : value;
}
