using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Data.Outbox;

/// <summary>Reads the next batch of events from the outbox, in sequence order.</summary>
internal sealed class OutboxReader(IDbContextFactory<DigibankDbContext> dbContextFactory, OutboxOptions options, ILogger<OutboxDispatcher> logger)
{
    public async Task<List<OutboxEvent>> ReadAsync(long after, CancellationToken cancellationToken)
    {
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.OutboxMessages.TagWith(OutboxDispatcher.QueryTag)
            .Where(m => m.Id > after)
            .OrderBy(m => m.Id)
            .Take(options.BatchSize)
            .ToListAsync(cancellationToken);
        var events = new List<OutboxEvent>(rows.Count);
        foreach (var row in rows)
        {
            if (DomainEventTypes.Deserialize(row.Type, row.Payload) is { } domainEvent)
            {
                events.Add(new OutboxEvent(row.Id, row.OccurredAt, domainEvent));
            }
            else
            {
                logger.LogWarning("Outbox event {Sequence} has a type this version does not know ({Type}); it is skipped", row.Id, row.Type);
            }
        }

        // A batch of unknown types still moves every consumer past it.
        return rows.Count > 0 && (events.Count == 0 || events[^1].Sequence != rows[^1].Id)
            ? [.. events, new OutboxEvent(rows[^1].Id, rows[^1].OccurredAt, SkippedEvent.Instance)]
            : events;
    }
}
