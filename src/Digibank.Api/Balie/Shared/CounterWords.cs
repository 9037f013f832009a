using System.Globalization;
using Digibank.Api.Courses;
using Digibank.Api.Devices;
using Digibank.Api.HelpRequests;
using Digibank.Api.Municipalities;

namespace Digibank.Api.Balie.Shared;

/// <summary>The counter's words for what the features store: kinds, states and dates, in Dutch as staff say them.</summary>
public static class CounterWords
{
    public static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE");

    /// <summary>"maandag 28 december 2026", in the region's time.</summary>
    public static string Day(DateTime utc) => RegionTime.ToLocal(utc).ToString("dddd d MMMM yyyy", Dutch);

    /// <summary>"ma 28 dec. 2026, 14:00", in the region's time.</summary>
    public static string Moment(DateTime utc) => RegionTime.ToLocal(utc).ToString("ddd d MMM yyyy', 'HH:mm", Dutch);

    /// <summary>The date as a date field holds it: "2026-12-28".</summary>
    public static string DateValue(DateTime utc) => RegionTime.ToLocal(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Of(DeviceKind kind) => kind switch
    {
        DeviceKind.Smartphone => "smartphone",
        DeviceKind.Tablet => "tablet",
        DeviceKind.Laptop => "laptop",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static string Of(DeviceCondition condition) => condition switch
    {
        DeviceCondition.New => "nieuw",
        DeviceCondition.Good => "goed",
        DeviceCondition.Fair => "redelijk (gebruikssporen)",
        DeviceCondition.Damaged => "beschadigd",
        _ => condition.ToString().ToLowerInvariant(),
    };

    public static string Of(LoanAccessory accessory) => accessory switch
    {
        LoanAccessory.Charger => "lader",
        LoanAccessory.Cable => "kabel",
        LoanAccessory.Case => "hoesje",
        LoanAccessory.Bag => "tas",
        LoanAccessory.Mouse => "muis",
        LoanAccessory.Headphones => "koptelefoon",
        _ => accessory.ToString().ToLowerInvariant(),
    };

    /// <summary>"lader, tas en muis", or "geen" for none.</summary>
    public static string List(IEnumerable<LoanAccessory> accessories)
    {
        var names = accessories.Select(Of).ToList();
        return names.Count switch
        {
            0 => "geen",
            1 => names[0],
            _ => $"{string.Join(", ", names[..^1])} en {names[^1]}",
        };
    }

    public static string Of(WipeStep step) => step switch
    {
        WipeStep.AccountsSignedOut => "Alle accounts zijn afgemeld en verwijderd (Google, Apple, Microsoft, e-mail, itsme …).",
        WipeStep.FilesDeleted => "Bestanden, foto's en downloads zijn gewist.",
        WipeStep.FactoryReset => "Het toestel is teruggezet naar de fabrieksinstellingen.",
        WipeStep.StartsUp => "Het toestel start opnieuw op en werkt.",
        _ => step.ToString(),
    };

    public static string Of(ReservationStatus status) => status switch
    {
        ReservationStatus.Waiting => "wacht",
        ReservationStatus.Ready => "klaar om af te halen",
        ReservationStatus.Fulfilled => "meegenomen",
        ReservationStatus.Cancelled => "geannuleerd",
        ReservationStatus.Expired => "niet afgehaald",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static string Of(SignUpStatus status, int? waitlistPosition) => status switch
    {
        SignUpStatus.Confirmed => "heeft een plaats",
        SignUpStatus.Waitlisted => waitlistPosition is { } place ? $"op de wachtlijst (plaats {place})" : "op de wachtlijst",
        SignUpStatus.Cancelled => "uitgeschreven",
        SignUpStatus.Attended => "was er",
        SignUpStatus.NoShow => "was er niet",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static string Of(HelpRequestStatus status) => status switch
    {
        HelpRequestStatus.Open => "open",
        HelpRequestStatus.Assigned => "gegeven aan een helper",
        HelpRequestStatus.Scheduled => "bezoek gepland",
        HelpRequestStatus.Resolved => "geholpen",
        HelpRequestStatus.Cancelled => "geannuleerd",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static string Of(HelpRequestChannel channel) => channel switch
    {
        HelpRequestChannel.WalkIn => "aan de balie",
        HelpRequestChannel.Phone => "aan de telefoon",
        HelpRequestChannel.HomeVisit => "aan huis",
        _ => channel.ToString().ToLowerInvariant(),
    };

    public static string Of(TargetGroup group) => group switch
    {
        TargetGroup.Everyone => "iedereen",
        TargetGroup.Seniors => "senioren",
        TargetGroup.Parents => "ouders",
        TargetGroup.JobSeekers => "werkzoekenden",
        TargetGroup.LowIncome => "mensen met een laag inkomen",
        TargetGroup.LowLiteracy => "mensen die moeilijk lezen of schrijven",
        TargetGroup.Newcomers => "nieuwkomers",
        _ => group.ToString().ToLowerInvariant(),
    };
}
