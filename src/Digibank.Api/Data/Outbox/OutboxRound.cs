using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Data.Outbox;

/// <summary>
/// One round of the dispatcher: reads the events after each consumer's position, hands every consumer its batch, then
/// saves what each wrote with its new position. A consumer that fails is left to <see cref="OutboxFailures"/>.
/// </summary>
internal sealed class OutboxRound(
    IDbContextFactory<DigibankDbContext> dbContextFactory,
    IOutboxConsumer[] consumers,
    WriteQueue writes,
    TimeProvider clock,
    OutboxPositions positions,
    OutboxReader reader,
    ImmediateDelivery immediate,
    OutboxFailures failures,
    OutboxObservers observers)
{
    /// <summary>Reads the stored positions, and places the consumers that have none yet.</summary>
    public async Task LoadPositionsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        // A consumer in memory keeps its own place once it has one: the stored one may be another instance's.
        var inMemory = consumers.OfType<IImmediateOutboxConsumer>().Select(c => c.Name).Where(positions.Has).ToHashSet(StringComparer.Ordinal);
        foreach (var position in await db.ConsumerPositions.TagWith(OutboxDispatcher.QueryTag).ToListAsync(cancellationToken))
        {
            if (!inMemory.Contains(position.Consumer))
            {
                positions.Move(position.Consumer, position.Sequence);
            }
        }

        foreach (var consumer in consumers.OfType<IImmediateOutboxConsumer>())
        {
            positions.StartAt(consumer.Name, 0);
            immediate.Start(consumer);
        }

        await StartNewConsumersAtNewestAsync(cancellationToken);
        positions.Loaded = true;
    }

    /// <summary>True when some consumer moved on (there may be more).</summary>
    public async Task<bool> RunAsync(bool holdsLease, CancellationToken cancellationToken)
    {
        // Every instance serves its own subscribers; what is written once for all (the partner feed) is the
        // work of the instance holding the lease.
        IOutboxConsumer[] handing = holdsLease ? consumers : [.. consumers.OfType<IImmediateOutboxConsumer>()];

        // Consumers usually stand at the same place: one read serves them all.
        var batches = new Dictionary<long, List<OutboxEvent>>();
        foreach (var after in handing.Select(positions.Of).Distinct())
        {
            batches[after] = await reader.ReadAsync(after, cancellationToken);
        }

        // Every consumer gets its batch first, and only then are positions saved: a consumer that only
        // publishes in memory (the dashboard) does not wait for another's write and its commit.
        var handled = new List<Handled>();
        var setAside = false;
        foreach (var consumer in handing)
        {
            var batch = batches[positions.Of(consumer)];
            // After a failure, one event at a time until past the failed batch: only the event that fails is set aside.
            if (failures.OneAtATime(consumer) && batch.Count > 1)
            {
                batch = batch[..1];
            }

            switch (await HandOverAsync(consumer, batch, cancellationToken))
            {
                case Handled done:
                    handled.Add(done);
                    break;
                case Exception failure:
                    setAside |= await failures.FailedAsync(consumer, batch, failure, cancellationToken);
                    break;
            }
        }

        setAside |= await SavePositionsAsync(handled, cancellationToken);
        return setAside || handled.Any(h => h.Saved);
    }

    // Stored at once: a restart before its first batch must not move it on past events it never handled.
    private async Task StartNewConsumersAtNewestAsync(CancellationToken cancellationToken)
    {
        var fresh = consumers.Where(c => c.StartsAtNewest && !positions.Has(c.Name)).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        using var turn = await writes.WaitAsync(cancellationToken);
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var newest = await db.OutboxMessages.TagWith(OutboxDispatcher.QueryTag).MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0;
        foreach (var consumer in fresh)
        {
            db.ConsumerPositions.Add(new ConsumerPosition { Consumer = consumer.Name, Sequence = newest, UpdatedAt = clock.GetUtcNow().UtcDateTime });
            positions.Move(consumer.Name, newest);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The consumer's writes, to save with its position; the failure; or null for an empty batch.</summary>
    private async Task<object?> HandOverAsync(IOutboxConsumer consumer, List<OutboxEvent> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return null;
        }

        var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            if (consumer is IImmediateOutboxConsumer inMemory)
            {
                // What the fast path already delivered is not delivered again; the position is saved all the same.
                immediate.HandOver(inMemory, batch);
                return new Handled(consumer, db, batch);
            }

            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
            var events = batch.Where(e => e.Event is not SkippedEvent).ToList();
            await consumer.HandleAsync(events, db, cancellationToken);
            observers.Delivered(consumer, events);
            return new Handled(consumer, db, batch);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await db.DisposeAsync();
            return exception;
        }
    }

    /// <summary>
    /// Saves what each consumer wrote with its new position, one transaction per consumer, so one that cannot
    /// save does not hold the others back. A save that fails counts as a failed try of the batch. True when that
    /// set an event aside.
    /// </summary>
    private async Task<bool> SavePositionsAsync(List<Handled> handled, CancellationToken cancellationToken)
    {
        var setAside = false;
        foreach (var one in handled)
        {
            Exception? failure = null;
            await using (var db = one.Db)
            {
                try
                {
                    using var turn = await writes.WaitAsync(cancellationToken);
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    await OutboxPositions.StoreAsync(db, one.Consumer.Name, one.Last, clock.GetUtcNow().UtcDateTime, cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    positions.Move(one.Consumer.Name, one.Last);
                    one.Saved = true;
                    failures.Saved(one.Consumer, one.Last);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    failure = exception;
                }
            }

            if (failure is not null)
            {
                setAside |= await failures.FailedAsync(one.Consumer, one.Batch, failure, cancellationToken);
            }
        }

        return setAside;
    }

    private sealed class Handled(IOutboxConsumer consumer, DigibankDbContext db, List<OutboxEvent> batch)
    {
        public IOutboxConsumer Consumer { get; } = consumer;

        public DigibankDbContext Db { get; } = db;

        public List<OutboxEvent> Batch { get; } = batch;

        public long Last => Batch[^1].Sequence;

        public bool Saved { get; set; }
    }
}
