using System.Globalization;
using Digibank.Api.HelpRequests;
using Digibank.Api.Municipalities;
using Digibank.Api.Notifications;

namespace Digibank.Api.Balie.Shared;

/// <summary>The words of the help requests and the follow-up, in Dutch, and the region's time as the counter says it.</summary>
public static class HelpWords
{
    public static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE");

    public static string Of(HelpRequestUrgency urgency) => urgency == HelpRequestUrgency.Urgent ? "Dringend" : "Gewoon";

    public static string Of(HelpRequestChannel channel) => channel switch
    {
        HelpRequestChannel.WalkIn => "Aan de balie",
        HelpRequestChannel.Phone => "Aan de telefoon",
        _ => "Huisbezoek",
    };

    public static string Of(HelpRequestStatus status) => status switch
    {
        HelpRequestStatus.Open => "Nieuw",
        HelpRequestStatus.Assigned => "Iemand helpt",
        HelpRequestStatus.Scheduled => "Bezoek gepland",
        HelpRequestStatus.Resolved => "Opgelost",
        _ => "Ingetrokken",
    };

    public static string Of(TargetGroup group) => group switch
    {
        TargetGroup.Seniors => "Senior",
        TargetGroup.Parents => "Ouder",
        TargetGroup.JobSeekers => "Werkzoekend",
        TargetGroup.LowIncome => "Laag inkomen",
        TargetGroup.LowLiteracy => "Moeite met lezen of schrijven",
        TargetGroup.Newcomers => "Nieuwkomer",
        _ => "Geen bepaalde groep",
    };

    public static string Of(NotificationReason reason) => reason switch
    {
        NotificationReason.SignUpConfirmed => "Inschrijving bevestigd",
        NotificationReason.SignUpWaitlisted => "Op de wachtlijst",
        NotificationReason.MovedUpFromWaitingList => "Van de wachtlijst naar een plaats",
        NotificationReason.HomeVisitPlanned => "Huisbezoek gepland",
        NotificationReason.CourseWithdrawn => "Cursus gaat niet door",
        NotificationReason.CourseCancelled => "Cursus afgelast",
        NotificationReason.CourseRescheduled => "Cursus verplaatst",
        NotificationReason.SessionCancelled => "Les afgelast",
        NotificationReason.SessionMoved => "Les verplaatst",
        NotificationReason.SessionReminder => "Herinnering aan een les",
        NotificationReason.ReservationReady => "Toestel ligt klaar",
        NotificationReason.LoanDueSoon => "Toestel binnenkort terugbrengen",
        _ => "Toestel te laat",
    };

    public static string Of(NotificationChannel channel) => channel switch
    {
        NotificationChannel.Email => "E-mail",
        NotificationChannel.Sms => "Sms",
        _ => "Telefoon",
    };

    /// <summary>"dinsdag 1 december", in the region's time.</summary>
    public static string Day(DateTime utc) => RegionTime.ToLocal(utc).ToString("dddd d MMMM", Dutch);

    public static string Day(DateOnly day) => day.ToString("dddd d MMMM", Dutch);

    /// <summary>"9:30", in the region's time.</summary>
    public static string Time(DateTime utc) => RegionTime.ToLocal(utc).ToString("H:mm", Dutch);

    /// <summary>"dinsdag 1 december van 9:00 tot 11:00".</summary>
    public static string Slot(DateTime startsAt, DateTime endsAt) => $"{Day(startsAt)} van {Time(startsAt)} tot {Time(endsAt)}";

    /// <summary>"1 december 2026 om 9:30".</summary>
    public static string Moment(DateTime utc) => RegionTime.ToLocal(utc).ToString("d MMMM yyyy 'om' H:mm", Dutch);
}
