using Digibank.Api.Data.RowSecurity;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Data.Outbox;

/// <summary>
/// Events the outbox's consumers gave up on (<see cref="SetAsideEvent"/>): how a failure is described, and a retry, which
/// hands the one event to its consumer again, out of order, and takes it off the list once handled.
/// </summary>
public sealed class SetAsideEvents(IEnumerable<IOutboxConsumer> consumers)
{
    private readonly IOutboxConsumer[] _consumers = [.. consumers];

    /// <summary>The kind of failure and the first line of what it said, short enough to store and to log.</summary>
    public static string Describe(Exception failure)
    {
        var root = failure.GetBaseException();
        var firstLine = root.Message.Split('\n', 2)[0].Trim();
        var described = $"{root.GetType().Name}: {firstLine}";
        return described.Length <= SetAsideEvent.MaxErrorLength ? described : described[..SetAsideEvent.MaxErrorLength];
    }

    /// <summary>
    /// Hands a set-aside event to its consumer again, inside the caller's transaction: what the consumer writes is saved
    /// here, and the event leaves the list. When it fails again, nothing of the try is kept and the event stays set aside.
    /// </summary>
    public async Task<Result<SetAsideEvent>> RetryAsync(DigibankDbContext db, int setAsideEventId, CancellationToken cancellationToken)
    {
        await db.LockAsync<SetAsideEvent>(setAsideEventId, cancellationToken);
        var setAside = await db.SetAsideEvents.SingleOrDefaultAsync(e => e.Id == setAsideEventId, cancellationToken);
        if (setAside is null)
        {
            return new NotFoundError("There is no such set-aside event: it was handled already, or never set aside.");
        }

        var consumer = _consumers.SingleOrDefault(c => c.Name == setAside.Consumer);
        var row = await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == setAside.Sequence, cancellationToken);
        if (consumer is null || row is null || DomainEventTypes.Deserialize(row.Type, row.Payload) is not { } domainEvent)
        {
            return new EventNotRetriableError(consumer is null
                ? $"This version has no consumer \"{setAside.Consumer}\"."
                : $"This version cannot read event {setAside.Sequence} ({setAside.EventType}).");
        }

        // The consumer does its work as in the dispatcher's round, whatever region the event is of.
        using var scope = RegionScope.Bypass(RegionBypasses.Outbox);
        try
        {
            OutboxEvent[] events = [new(row.Id, row.OccurredAt, domainEvent)];
            if (consumer is IImmediateOutboxConsumer immediate)
            {
                immediate.Deliver(events);
            }
            else
            {
                await consumer.HandleAsync(events, db, cancellationToken);
            }

            db.SetAsideEvents.Remove(setAside);
            await db.SaveChangesAsync(cancellationToken);
            return setAside;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new EventStillFailsError($"Event {setAside.Sequence} failed again: {Describe(exception)}");
        }
    }
}
