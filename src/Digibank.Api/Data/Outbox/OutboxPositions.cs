using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Data.Outbox;

/// <summary>
/// Where each consumer stands in the outbox: the sequence of the last event it handled. Read from the table at the
/// first round and again whenever this instance takes the lease; a consumer in memory keeps its own place.
/// </summary>
internal sealed class OutboxPositions
{
    private readonly ConcurrentDictionary<string, long> _positions = new(StringComparer.Ordinal);
    private volatile bool _loaded;

    /// <summary>False until the stored positions are read; set to false again to read them anew.</summary>
    public bool Loaded
    {
        get => _loaded;
        set => _loaded = value;
    }

    public long Of(IOutboxConsumer consumer) => _positions.GetValueOrDefault(consumer.Name);

    public long Of(string consumer) => _positions.GetValueOrDefault(consumer);

    public bool Has(string consumer) => _positions.ContainsKey(consumer);

    public void Move(string consumer, long sequence) => _positions[consumer] = sequence;

    /// <summary>Places a consumer that has no position yet; one that has keeps it.</summary>
    public void StartAt(string consumer, long sequence) => _positions.TryAdd(consumer, sequence);

    /// <summary>Moves the consumer's stored position; saved with the rest of <paramref name="db"/>'s changes.</summary>
    public static async Task StoreAsync(DigibankDbContext db, string consumer, long sequence, DateTime now, CancellationToken cancellationToken)
    {
        var position = await db.ConsumerPositions.TagWith(OutboxDispatcher.QueryTag).SingleOrDefaultAsync(p => p.Consumer == consumer, cancellationToken);
        if (position is null)
        {
            db.ConsumerPositions.Add(position = new ConsumerPosition { Consumer = consumer });
        }

        position.Sequence = sequence;
        position.UpdatedAt = now;
    }
}
