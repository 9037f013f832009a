using Digibank.Api.Data;
using Digibank.Api.Data.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Partners;

/// <summary>A partner's plug-in reported a finished sync run. The run's error stays out: only staff may read it.</summary>
public sealed record PartnerSyncRunRecorded(int SyncRunId, int PartnerId, SyncOutcome Outcome, int OffersCreated, int OffersUpdated, DateTime At) : IDomainEvent;

/// <summary>Raises an event for every sync run recorded.</summary>
public sealed class SyncRunEvents : IDomainEventSource
{
    public ValueTask<IReadOnlyList<Func<IDomainEvent>>> RaiseAsync(DigibankDbContext db, DateTime now, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<Func<IDomainEvent>>>([.. db.ChangeTracker.Entries<SyncRun>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity)
            .Select(run => (Func<IDomainEvent>)(() => new PartnerSyncRunRecorded(run.Id, run.PartnerId, run.Outcome, run.OffersCreated, run.OffersUpdated, now)))]);
}
