using Digibank.Api.Data;
using Digibank.Api.Data.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Partners;

/// <summary>Raises an event for every sync run recorded.</summary>
public sealed class SyncRunEvents : IDomainEventSource
{
    public ValueTask<IReadOnlyList<Func<IDomainEvent>>> RaiseAsync(DigibankDbContext db, DateTime now, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<Func<IDomainEvent>>>([.. db.ChangeTracker.Entries<SyncRun>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity)
            .Select(run => (Func<IDomainEvent>)(() => new PartnerSyncRunRecorded(run.Id, run.PartnerId, run.Outcome, run.OffersCreated, run.OffersUpdated, now)))]);
}
