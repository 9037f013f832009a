using System.Collections.Concurrent;
using Digibank.Api.Data.RowSecurity;

namespace Digibank.Api.Data.Outbox;

/// <summary>
/// What each consumer in memory (<see cref="IImmediateOutboxConsumer"/>) has been handed, right at a commit (the fast
/// path) or in the dispatcher's round, whichever comes first: each event once, in order.
/// </summary>
internal sealed class ImmediateDelivery(IOutboxConsumer[] consumers, OutboxPositions positions, OutboxObservers observers, ILogger<OutboxDispatcher> logger)
{
    private readonly ConcurrentDictionary<string, long> _delivered = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Counts the consumer as handed everything up to its position, unless it was handed events already.</summary>
    public void Start(IOutboxConsumer consumer) => _delivered.TryAdd(consumer.Name, positions.Of(consumer));

    /// <summary>
    /// Hands committed (or relayed) events to every consumer in memory whose last event they follow right after; events
    /// it had before are dropped. False when they leave a gap: the round reads the missing ones from the outbox.
    /// </summary>
    public bool DeliverNow(IReadOnlyList<OutboxEvent> events)
    {
        if (!positions.Loaded || events.Count == 0)
        {
            return positions.Loaded;
        }

        var inOrder = true;
        // What a consumer starts here (a dashboard's subscribers) works as in the dispatcher's round, not as the committer.
        using var scope = RegionScope.Bypass(RegionBypasses.Outbox);
        lock (_lock)
        {
            foreach (var consumer in consumers.OfType<IImmediateOutboxConsumer>())
            {
                if (!_delivered.TryGetValue(consumer.Name, out var delivered))
                {
                    continue;
                }

                var fresh = events.SkipWhile(e => e.Sequence <= delivered).ToList();
                if (fresh.Count == 0)
                {
                    continue;
                }

                if (fresh[0].Sequence != delivered + 1)
                {
                    inOrder = false;
                    continue;
                }

                try
                {
                    consumer.Deliver(fresh);
                    observers.Delivered(consumer, fresh);
                }
                catch (Exception exception)
                {
                    logger.LogError(exception, "Outbox consumer {Consumer} failed on events {First}–{Last} at their commit",
                        consumer.Name, fresh[0].Sequence, fresh[^1].Sequence);
                }

                _delivered[consumer.Name] = fresh[^1].Sequence;
            }
        }

        return inOrder;
    }

    /// <summary>A batch the round read: what the fast path already delivered is not delivered again.</summary>
    public void HandOver(IImmediateOutboxConsumer consumer, List<OutboxEvent> batch)
    {
        lock (_lock)
        {
            var delivered = _delivered.GetValueOrDefault(consumer.Name);
            var fresh = batch.Where(e => e.Sequence > delivered && e.Event is not SkippedEvent).ToList();
            if (fresh.Count > 0)
            {
                consumer.Deliver(fresh);
                observers.Delivered(consumer, fresh);
            }

            _delivered[consumer.Name] = Math.Max(delivered, batch[^1].Sequence);
        }
    }

    /// <summary>The consumer moved past an event without taking it (it was set aside).</summary>
    public void MovePast(IOutboxConsumer consumer, long sequence)
    {
        if (consumer is IImmediateOutboxConsumer)
        {
            lock (_lock)
            {
                _delivered[consumer.Name] = Math.Max(_delivered.GetValueOrDefault(consumer.Name), sequence);
            }
        }
    }
}
