using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Data.Outbox;

/// <summary>
/// A consumer's failures: after one, it gets one event at a time until past the failed batch; the event that fails is
/// tried again until its tries are used up, then set aside (<see cref="SetAsideEvent"/>), and the consumer moves on.
/// </summary>
internal sealed class OutboxFailures(
    IDbContextFactory<DigibankDbContext> dbContextFactory,
    WriteQueue writes,
    TimeProvider clock,
    OutboxOptions options,
    OutboxPositions positions,
    ImmediateDelivery immediate,
    OutboxObservers observers,
    ILogger<OutboxDispatcher> logger)
{
    private readonly ConcurrentDictionary<string, Trouble> _trouble = new(StringComparer.Ordinal);

    /// <summary>True while the consumer is handed one event at a time, after a failure.</summary>
    public bool OneAtATime(IOutboxConsumer consumer) => _trouble.ContainsKey(consumer.Name);

    /// <summary>The consumer saved its position at <paramref name="last"/>: once past the failed batch, it gets whole batches again.</summary>
    public void Saved(IOutboxConsumer consumer, long last)
    {
        if (_trouble.TryGetValue(consumer.Name, out var trouble) && last >= trouble.Through)
        {
            _trouble.TryRemove(consumer.Name, out _);
        }
    }

    /// <summary>
    /// A consumer failed on a batch. A batch of several events is handed over again one at a time; one event is tried
    /// again until its tries are used up, and then set aside, and the consumer moves on. True when it was set aside.
    /// </summary>
    public async Task<bool> FailedAsync(IOutboxConsumer consumer, List<OutboxEvent> batch, Exception failure, CancellationToken cancellationToken)
    {
        var (first, last) = (batch[0], batch[^1]);
        var through = _trouble.TryGetValue(consumer.Name, out var trouble) ? Math.Max(trouble.Through, last.Sequence) : last.Sequence;
        var attempts = batch.Count == 1 && trouble?.Sequence == first.Sequence ? trouble.Attempts + 1 : 1;
        // The exception's type and first line, never its stack, the SQL or a parameter value.
        logger.LogError("Outbox consumer {Consumer} failed on events {First}–{Last} (try {Attempt} of {MaxAttempts}): {Error}",
            consumer.Name, first.Sequence, last.Sequence, attempts, options.MaxAttempts, SetAsideEvents.Describe(failure));
        if (batch.Count > 1 || attempts < options.MaxAttempts)
        {
            _trouble[consumer.Name] = new Trouble(through, batch.Count == 1 ? first.Sequence : 0, batch.Count == 1 ? attempts : 0);
            return false;
        }

        try
        {
            await SetAsideAsync(consumer, first, attempts, failure, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError("Outbox consumer {Consumer} could not set event {Sequence} aside; it is tried again: {Error}",
                consumer.Name, first.Sequence, SetAsideEvents.Describe(exception));
            return false;
        }

        _trouble[consumer.Name] = new Trouble(through, 0, 0);
        return true;
    }

    /// <summary>Records the event as set aside and moves the consumer's position past it, in one transaction.</summary>
    private async Task SetAsideAsync(IOutboxConsumer consumer, OutboxEvent setAside, int attempts, Exception failure, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        using (var turn = await writes.WaitAsync(cancellationToken))
        {
            await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Every instance hands events to the consumers in its memory: the first to give up records it.
            if (!await db.SetAsideEvents.TagWith(OutboxDispatcher.QueryTag).AnyAsync(e => e.Consumer == consumer.Name && e.Sequence == setAside.Sequence, cancellationToken))
            {
                db.SetAsideEvents.Add(new SetAsideEvent
                {
                    Consumer = consumer.Name,
                    Sequence = setAside.Sequence,
                    EventType = setAside.Event.GetType().Name,
                    OccurredAt = setAside.OccurredAt,
                    Attempts = attempts,
                    LastError = SetAsideEvents.Describe(failure),
                    SetAsideAt = now,
                });
            }

            await OutboxPositions.StoreAsync(db, consumer.Name, setAside.Sequence, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        positions.Move(consumer.Name, setAside.Sequence);
        immediate.MovePast(consumer, setAside.Sequence);
        logger.LogWarning("Outbox consumer {Consumer} set event {Sequence} ({EventType}) aside after {Attempts} tries and goes on with the next",
            consumer.Name, setAside.Sequence, setAside.Event.GetType().Name, attempts);
        observers.SetAside(consumer, setAside);
    }

    /// <summary>
    /// A consumer failed up to <paramref name="Through"/>: it gets one event at a time until past it. <paramref name="Attempts"/>
    /// counts the failed tries of the one event <paramref name="Sequence"/>.
    /// </summary>
    private sealed record Trouble(long Through, long Sequence, int Attempts);
}
