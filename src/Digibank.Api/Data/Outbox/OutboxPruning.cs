using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Data.Outbox;

/// <summary>Deletes the events every consumer is done with, once they are older than the retention.</summary>
internal sealed class OutboxPruning(
    IDbContextFactory<DigibankDbContext> dbContextFactory,
    IOutboxConsumer[] consumers,
    WriteQueue writes,
    TimeProvider clock,
    OutboxOptions options,
    ILogger<OutboxDispatcher> logger)
{
    /// <summary>Deletes events older than the retention that every consumer has handled; never one a consumer still needs, or one set aside.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        BackgroundWork.Mark();
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-options.RetentionDays);
        using var turn = await writes.WaitAsync(cancellationToken);
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        // Read from the table, not from memory: the positions of this process may not be loaded yet.
        var stored = await db.ConsumerPositions.TagWith(OutboxDispatcher.QueryTag).ToDictionaryAsync(p => p.Consumer, p => p.Sequence, cancellationToken);
        var handledByAll = consumers.Length == 0 ? long.MaxValue : consumers.Min(c => stored.GetValueOrDefault(c.Name));
        // A set-aside event keeps its row until the coordinator has it handled again.
        var pruned = await db.OutboxMessages.TagWith(OutboxDispatcher.QueryTag)
            .Where(m => m.Id <= handledByAll && m.OccurredAt < cutoff && !db.SetAsideEvents.Any(e => e.Sequence == m.Id))
            .ExecuteDeleteAsync(cancellationToken);
        if (pruned > 0)
        {
            logger.LogInformation("Pruned {Count} outbox events older than {Cutoff:u}", pruned, cutoff);
        }

        return pruned;
    }
}
