using System.Data.Common;
using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.Devices;
using Digibank.Api.HelpRequests;
using Digibank.Api.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Digibank.Api.Dashboard;

/// <summary>
/// Turns saved changes into dashboard events and publishes them only once they are committed: at the
/// end of a save without a transaction, or when the surrounding transaction commits. A rollback drops them.
/// </summary>
public sealed class CommittedEventsInterceptor(DashboardEvents events, TimeProvider clock) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is DigibankDbContext db)
        {
            db.PendingEvents.AddRange(await DescribeAsync(db, cancellationToken));
        }

        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is DigibankDbContext { Database.CurrentTransaction: null } db)
        {
            PublishPending(db);
        }

        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is DigibankDbContext db)
        {
            PublishPending(db);
        }

        return Task.CompletedTask;
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as DigibankDbContext)?.PendingEvents.Clear();
        return Task.CompletedTask;
    }

    // Events are completed only now: keys of rows added in the same save are known after it.
    private void PublishPending(DigibankDbContext db)
    {
        var pending = db.PendingEvents.Select(complete => complete()).ToList();
        db.PendingEvents.Clear();
        events.Publish(pending);
    }

    private async Task<List<Func<DashboardEvent>>> DescribeAsync(DigibankDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var entries = db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList();
        var signUps = entries.Where(e => e.Entity is SignUp).ToList();
        var loans = entries.Where(e => e.Entity is Loan).ToList();
        var devices = entries.Where(e => e.Entity is Device or Reservation).ToList();
        var helpRequests = entries.Where(e => e.Entity is HelpRequest).ToList();
        var syncRuns = entries.Where(e => e.Entity is SyncRun { } && e.State == EntityState.Added).ToList();
        if (signUps.Count + loans.Count + devices.Count + helpRequests.Count + syncRuns.Count == 0)
        {
            return [];
        }

        var described = new List<Func<DashboardEvent>>();
        var courseIds = signUps.Select(e => ((SignUp)e.Entity).CourseId).Distinct().ToList();
        var courses = await db.Courses.AsNoTracking().Where(c => courseIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Title, c.HelpPointId, c.MunicipalityId, c.PartnerId })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        foreach (var entry in signUps)
        {
            var signUp = (SignUp)entry.Entity;
            if (!courses.TryGetValue(signUp.CourseId, out var course) || (entry.State == EntityState.Modified && !Changed(entry, nameof(SignUp.Status))))
            {
                continue;
            }

            var (kind, verb) = entry.State == EntityState.Added
                ? (DashboardEventKind.SignUp, signUp.Status == SignUpStatus.Waitlisted ? "op de wachtlijst voor" : "ingeschreven voor")
                : signUp.Status == SignUpStatus.Cancelled ? (DashboardEventKind.SignUpCancelled, "uitgeschreven voor") : (DashboardEventKind.SignUpUpdated, "aanwezigheid genoteerd voor");
            described.Add(() => new DashboardEvent(kind, now, $"Iemand is {verb} '{course.Title}'.", course.MunicipalityId, course.HelpPointId, course.Id, course.PartnerId, signUp.ParticipantId));
        }

        described.AddRange(courses.Values.Select(course => (Func<DashboardEvent>)(() =>
            new DashboardEvent(DashboardEventKind.CourseAvailability, now, $"Plaatsen bijgewerkt voor '{course.Title}'.", course.MunicipalityId, course.HelpPointId, course.Id, course.PartnerId))));

        var helpPointIds = loans.Select(e => ((Loan)e.Entity).HelpPointId)
            .Concat(devices.Select(e => e.Entity is Device device ? device.HomeHelpPointId : ((Reservation)e.Entity).HelpPointId))
            .Concat(helpRequests.Select(e => ((HelpRequest)e.Entity).HelpPointId ?? 0))
            .Distinct().ToList();
        var points = await db.HelpPoints.AsNoTracking().Where(h => helpPointIds.Contains(h.Id))
            .ToDictionaryAsync(h => h.Id, h => (h.Name, h.MunicipalityId), cancellationToken);
        foreach (var entry in loans)
        {
            var loan = (Loan)entry.Entity;
            var returned = entry.State == EntityState.Modified && Changed(entry, nameof(Loan.ReturnedAt)) && loan.ReturnedAt is not null;
            if (entry.State == EntityState.Added || returned)
            {
                var (name, municipalityId) = points.GetValueOrDefault(loan.HelpPointId, ("een hulppunt", 0));
                described.Add(() => new DashboardEvent(returned ? DashboardEventKind.Return : DashboardEventKind.Loan, now,
                    returned ? $"Toestel teruggebracht in {name}." : $"Toestel uitgeleend in {name}.", municipalityId, loan.HelpPointId, ParticipantId: loan.ParticipantId));
            }
        }

        foreach (var helpPointId in devices.Select(e => e.Entity is Device device ? device.HomeHelpPointId : ((Reservation)e.Entity).HelpPointId)
            .Concat(loans.Select(e => ((Loan)e.Entity).HelpPointId)).Distinct())
        {
            var (name, municipalityId) = points.GetValueOrDefault(helpPointId, ("een hulppunt", 0));
            described.Add(() => new DashboardEvent(DashboardEventKind.DeviceAvailability, now, $"Beschikbare toestellen bijgewerkt in {name}.", municipalityId, helpPointId));
        }

        var topicIds = helpRequests.Select(e => ((HelpRequest)e.Entity).TopicId).Distinct().ToList();
        var topics = await db.Topics.AsNoTracking().Where(t => topicIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        foreach (var entry in helpRequests)
        {
            var request = (HelpRequest)entry.Entity;
            if (entry.State == EntityState.Modified && !Changed(entry, nameof(HelpRequest.Status)))
            {
                continue;
            }

            var topic = topics.GetValueOrDefault(request.TopicId, "een digitale vraag");
            var added = entry.State == EntityState.Added;
            described.Add(() => added
                ? new DashboardEvent(DashboardEventKind.HelpRequest, now,
                    request.Channel == HelpRequestChannel.HomeVisit ? $"Nieuwe vraag voor een huisbezoek over {topic}." : $"Nieuwe hulpvraag over {topic}.",
                    request.MunicipalityId, request.HelpPointId, ParticipantId: request.ParticipantId)
                : new DashboardEvent(DashboardEventKind.HelpRequestUpdated, now, $"Hulpvraag over {topic}: {StatusWord(request.Status)}.",
                    request.MunicipalityId, request.HelpPointId, ParticipantId: request.ParticipantId));
        }

        described.AddRange(syncRuns.Select(e => (SyncRun)e.Entity).Select(run => (Func<DashboardEvent>)(() => new DashboardEvent(DashboardEventKind.PartnerSync, now,
            SyncRunSummary(run), PartnerId: run.PartnerId))));
        return described;
    }

    // The run's error stays out: the summary is public, and only staff may read the error (on the partner's `lastSync`).
    private static string SyncRunSummary(SyncRun run) => run.Outcome switch
    {
        SyncOutcome.Succeeded => $"Aanbod van een partner gesynchroniseerd ({run.OffersCreated} nieuw, {run.OffersUpdated} gewijzigd).",
        SyncOutcome.NeedsConfirmation =>
            $"Aanbod van een partner gesynchroniseerd ({run.OffersCreated} nieuw, {run.OffersUpdated} gewijzigd); het intrekken van cursussen wacht op bevestiging door de coördinator.",
        SyncOutcome.Quarantined => "Koppeling van een partner in quarantaine: de plug-in loopt steeds vast en wordt niet meer gestart.",
        SyncOutcome.TimedOut => "Synchronisatie van een partner duurde te lang en is afgebroken.",
        _ => "Synchronisatie van een partner mislukt.",
    };

    private static bool Changed(EntityEntry entry, string property) => entry.Property(property).IsModified;

    private static string StatusWord(HelpRequestStatus status) => status switch
    {
        HelpRequestStatus.Assigned => "toegewezen",
        HelpRequestStatus.Scheduled => "huisbezoek ingepland",
        HelpRequestStatus.Resolved => "opgelost",
        HelpRequestStatus.Cancelled => "geannuleerd",
        _ => "open",
    };
}
