using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Digibank.Api.Data.Outbox;

/// <summary>
/// Writes the domain events of a save to the outbox in the save's own transaction, so a rollback takes
/// them back with the change, and wakes the dispatcher once that transaction has committed. A save
/// outside a transaction that raises events gets one here, from before its changes to after its events.
/// </summary>
public sealed class OutboxInterceptor(IEnumerable<IDomainEventSource> sources, OutboxSignal signal, TimeProvider clock) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    // SQLite takes at most 32,766 parameters per statement.
    private const int RowsPerInsert = 1000;

    private readonly IDomainEventSource[] _sources = [.. sources];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not DigibankDbContext db)
        {
            return result;
        }

        var pending = db.PendingOutbox;
        pending.RaisedAt = clock.GetUtcNow().UtcDateTime;
        foreach (var source in _sources)
        {
            pending.Events.AddRange(await source.RaiseAsync(db, pending.RaisedAt, cancellationToken));
        }

        if (pending.Events.Count > 0 && db.Database.CurrentTransaction is null)
        {
            pending.OwnedTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not DigibankDbContext db || db.PendingOutbox.Events.Count == 0)
        {
            return result;
        }

        var pending = db.PendingOutbox;
        // Completed only now: keys of rows added by this save are known after it.
        var events = pending.Events.Select(complete => complete()).ToList();
        pending.Events.Clear();
        pending.Written.AddRange(await InsertAsync(db, events, pending.RaisedAt, cancellationToken));
        if (pending.OwnedTransaction is { } owned)
        {
            pending.OwnedTransaction = null;
            await using (owned)
            {
                await owned.CommitAsync(cancellationToken);
            }
        }

        return result;
    }

    // One statement per chunk of events: EF Core's SQLite provider would send one INSERT per row, which doubles
    // the statements of a partner's upload of thousands of sign-ups. The ids come back for the wake-up after the commit.
    private static async Task<List<OutboxEvent>> InsertAsync(DigibankDbContext db, List<IDomainEvent> events, DateTime occurredAt, CancellationToken cancellationToken)
    {
        var written = new List<OutboxEvent>(events.Count);
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        var columns = db.Model.FindEntityType(typeof(OutboxMessage))!;
        var (type, payload, at) = (Mapping(columns, nameof(OutboxMessage.Type)), Mapping(columns, nameof(OutboxMessage.Payload)), Mapping(columns, nameof(OutboxMessage.OccurredAt)));
        await OutboxOrder.TakeAsync(db, cancellationToken);
        foreach (var chunk in events.Chunk(RowsPerInsert))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder("INSERT INTO \"Outbox\" (\"Type\", \"Payload\", \"OccurredAt\") VALUES ");
            for (var i = 0; i < chunk.Length; i++)
            {
                sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@t{i}, @p{i}, @at)");
                command.Parameters.Add(type.CreateParameter(command, $"@t{i}", DomainEventTypes.NameOf(chunk[i]), nullable: false));
                command.Parameters.Add(payload.CreateParameter(command, $"@p{i}", DomainEventTypes.Serialize(chunk[i]), nullable: false));
            }

            command.Parameters.Add(at.CreateParameter(command, "@at", occurredAt, nullable: false));
            command.CommandText = sql.Append(" RETURNING \"Id\"").ToString();
            var ids = new List<long>(chunk.Length);
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    ids.Add(reader.GetInt64(0));
                }
            }

            // One outbox writer at a time: the rows of one statement get ascending ids in the order of its VALUES.
            ids.Sort();
            written.AddRange(chunk.Select((e, i) => new OutboxEvent(ids[i], occurredAt, e)));
        }

        return written;
    }

    // The column's own mapping (with its value converter) binds the value as EF Core would, on either provider.
    private static RelationalTypeMapping Mapping(IEntityType entity, string property) =>
        entity.FindProperty(property)!.GetRelationalTypeMapping();

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is DigibankDbContext db)
        {
            var pending = db.PendingOutbox;
            pending.Events.Clear();
            if (pending.OwnedTransaction is { } owned)
            {
                pending.OwnedTransaction = null;
                await using (owned)
                {
                    await owned.RollbackAsync(CancellationToken.None);
                }
            }
        }
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is DigibankDbContext { PendingOutbox.Written.Count: > 0 } db)
        {
            var committed = db.PendingOutbox.Written.ToList();
            db.PendingOutbox.Written.Clear();
            signal.Notify(committed);
        }

        return Task.CompletedTask;
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is DigibankDbContext db)
        {
            db.PendingOutbox.Events.Clear();
            db.PendingOutbox.Written.Clear();
        }

        return Task.CompletedTask;
    }
}

/// <summary>What one context has raised and not yet written or committed.</summary>
internal sealed class PendingOutbox
{
    public List<Func<IDomainEvent>> Events { get; } = [];

    public DateTime RaisedAt { get; set; }

    public IDbContextTransaction? OwnedTransaction { get; set; }

    /// <summary>Events written in the current transaction: its commit hands them to the dispatcher.</summary>
    public List<OutboxEvent> Written { get; } = [];

    public void Reset()
    {
        Events.Clear();
        OwnedTransaction = null;
        Written.Clear();
    }
}
