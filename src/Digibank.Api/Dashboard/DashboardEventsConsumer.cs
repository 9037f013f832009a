using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.Data.Outbox;
using Digibank.Api.Devices;
using Digibank.Api.HelpRequests;
using Digibank.Api.Notifications;
using Digibank.Api.Partners;

namespace Digibank.Api.Dashboard;

/// <summary>
/// The dashboard's consumer of the outbox: turns committed domain events into dashboard events, in
/// sequence order, and publishes them to the subscriptions of this process: at the commit (the fast path) or
/// in the dispatcher's round, never both.
/// </summary>
public sealed class DashboardEventsConsumer(DashboardEvents events) : IImmediateOutboxConsumer
{
    public string Name => "dashboard";

    // Subscribers get an event as soon as its transaction has committed, without waiting for the dispatcher to read it back.
    public void Deliver(IReadOnlyList<OutboxEvent> batch) => events.Publish(batch.Select(e => Describe(e.Event)).OfType<DashboardEvent>());

    public Task HandleAsync(IReadOnlyList<OutboxEvent> batch, DigibankDbContext db, CancellationToken cancellationToken)
    {
        Deliver(batch);
        return Task.CompletedTask;
    }

    public static DashboardEvent? Describe(IDomainEvent domainEvent) => domainEvent switch
    {
        SignUpChanged { IsNew: true } e => SignUp(e, DashboardEventKind.SignUp, e.Status == SignUpStatus.Waitlisted ? "op de wachtlijst voor" : "ingeschreven voor"),
        SignUpChanged { StatusChanged: true, Status: SignUpStatus.Cancelled } e => SignUp(e, DashboardEventKind.SignUpCancelled, "uitgeschreven voor"),
        SignUpChanged { StatusChanged: true } e => SignUp(e, DashboardEventKind.SignUpUpdated, "aanwezigheid genoteerd voor"),
        SignUpChanged => null,
        CourseAvailabilityChanged e => new DashboardEvent(DashboardEventKind.CourseAvailability, e.At, $"Plaatsen bijgewerkt voor '{e.CourseTitle}'.",
            e.MunicipalityId, e.HelpPointId, e.CourseId, e.PartnerId, RegionId: e.RegionId),
        DeviceLent e => new DashboardEvent(DashboardEventKind.Loan, e.At, $"Toestel uitgeleend in {PointName(e.HelpPointName)}.",
            e.MunicipalityId ?? 0, e.HelpPointId, ParticipantId: e.ParticipantId, RegionId: e.RegionId),
        DeviceReturned e => new DashboardEvent(DashboardEventKind.Return, e.At, $"Toestel teruggebracht in {PointName(e.HelpPointName)}.",
            e.MunicipalityId ?? 0, e.HelpPointId, ParticipantId: e.ParticipantId, RegionId: e.RegionId),
        DeviceAvailabilityChanged e => new DashboardEvent(DashboardEventKind.DeviceAvailability, e.At, $"Beschikbare toestellen bijgewerkt in {PointName(e.HelpPointName)}.",
            e.MunicipalityId ?? 0, e.HelpPointId, RegionId: e.RegionId),
        HelpRequestChanged { IsNew: true } e => new DashboardEvent(DashboardEventKind.HelpRequest, e.At,
            e.Channel == HelpRequestChannel.HomeVisit ? $"Nieuwe vraag voor een huisbezoek over {TopicName(e.TopicName)}." : $"Nieuwe hulpvraag over {TopicName(e.TopicName)}.",
            e.MunicipalityId, e.HelpPointId, ParticipantId: e.ParticipantId, RegionId: e.RegionId),
        HelpRequestChanged e => new DashboardEvent(DashboardEventKind.HelpRequestUpdated, e.At, $"Hulpvraag over {TopicName(e.TopicName)}: {StatusWord(e.Status)}.",
            e.MunicipalityId, e.HelpPointId, ParticipantId: e.ParticipantId, RegionId: e.RegionId),
        // Who is to be called stays with the help point's staff: the public summary says only that someone is.
        CallTaskAdded e => new DashboardEvent(DashboardEventKind.CallTask, e.At, "Iemand staat op de bellijst van een hulppunt.", HelpPointId: e.HelpPointId, CallTaskId: e.CallTaskId, RegionId: e.RegionId),
        PartnerSyncRunRecorded e => new DashboardEvent(DashboardEventKind.PartnerSync, e.At, SyncRunSummary(e), PartnerId: e.PartnerId),
        _ => null,
    };

    private static DashboardEvent SignUp(SignUpChanged e, DashboardEventKind kind, string verb) =>
        new(kind, e.At, $"Iemand is {verb} '{e.CourseTitle}'.", e.MunicipalityId, e.HelpPointId, e.CourseId, e.PartnerId, e.ParticipantId, RegionId: e.RegionId);

    private static string PointName(string? name) => name ?? "een hulppunt";

    private static string TopicName(string? name) => name ?? "een digitale vraag";

    // The summary is public: it never holds the run's error.
    private static string SyncRunSummary(PartnerSyncRunRecorded run) => run.Outcome switch
    {
        SyncOutcome.Succeeded => $"Aanbod van een partner gesynchroniseerd ({run.OffersCreated} nieuw, {run.OffersUpdated} gewijzigd).",
        SyncOutcome.NeedsConfirmation =>
            $"Aanbod van een partner gesynchroniseerd ({run.OffersCreated} nieuw, {run.OffersUpdated} gewijzigd); het intrekken van cursussen wacht op bevestiging door de coördinator.",
        SyncOutcome.Quarantined => "Koppeling van een partner in quarantaine: de plug-in loopt steeds vast en wordt niet meer gestart.",
        SyncOutcome.TimedOut => "Synchronisatie van een partner duurde te lang en is afgebroken.",
        _ => "Synchronisatie van een partner mislukt.",
    };

    private static string StatusWord(HelpRequestStatus status) => status switch
    {
        HelpRequestStatus.Assigned => "toegewezen",
        HelpRequestStatus.Scheduled => "huisbezoek ingepland",
        HelpRequestStatus.Resolved => "opgelost",
        HelpRequestStatus.Cancelled => "geannuleerd",
        _ => "open",
    };
}
