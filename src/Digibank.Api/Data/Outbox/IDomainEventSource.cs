namespace Digibank.Api.Data.Outbox;

/// <summary>
/// A feature's part of every save: it looks at the changes to its own entities about to be saved and
/// says which domain events they raise. The events are completed after the save, when keys the database
/// generated are known, and written to the outbox in the same transaction.
/// </summary>
public interface IDomainEventSource
{
    ValueTask<IReadOnlyList<Func<IDomainEvent>>> RaiseAsync(DigibankDbContext db, DateTime now, CancellationToken cancellationToken);
}
