using Digibank.Api.Devices;
using Digibank.Api.HelpRequests;
using Digibank.Api.Notifications;

namespace Digibank.Api.Balie.Pages;

/// <summary>The words Vandaag uses for the features' values, in plain Dutch.</summary>
public static class TodayWords
{
    public static string Kind(DeviceKind kind) => kind switch
    {
        DeviceKind.Smartphone => "Smartphone",
        DeviceKind.Tablet => "Tablet",
        _ => "Laptop",
    };

    public static string DaysLate(int days) => days == 1 ? "1 dag te laat" : $"{days} dagen te laat";

    public static string Channel(HelpRequestChannel channel) => channel switch
    {
        HelpRequestChannel.WalkIn => "aan de balie",
        HelpRequestChannel.Phone => "aan de telefoon",
        _ => "huisbezoek",
    };

    /// <summary>Why the person is on the call list.</summary>
    public static string Reason(NotificationReason reason) => reason switch
    {
        NotificationReason.SignUpConfirmed => "Ingeschreven voor een cursus",
        NotificationReason.SignUpWaitlisted => "Op de wachtlijst van een cursus",
        NotificationReason.MovedUpFromWaitingList => "Van de wachtlijst naar een plaats",
        NotificationReason.HomeVisitPlanned => "Huisbezoek gepland",
        NotificationReason.CourseWithdrawn => "Cursus gaat niet meer door",
        NotificationReason.CourseCancelled => "Cursus afgelast",
        NotificationReason.CourseRescheduled => "Lesdagen van een cursus veranderd",
        NotificationReason.SessionCancelled => "Een les afgelast",
        NotificationReason.SessionMoved => "Een les verplaatst",
        NotificationReason.SessionReminder => "Herinnering: morgen les",
        NotificationReason.ReservationReady => "Toestel klaar om af te halen",
        NotificationReason.LoanDueSoon => "Toestel binnenkort terugbrengen",
        NotificationReason.LoanOverdue => "Toestel is te laat",
        _ => "Bericht",
    };
}
