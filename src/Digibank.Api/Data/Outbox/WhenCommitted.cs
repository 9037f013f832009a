namespace Digibank.Api.Data.Outbox;

/// <summary>
/// Runs an action in this process once an event of <typeparamref name="TEvent"/> is committed, here or (through
/// the relay) in another instance: for what a process keeps in memory and must drop when the data changes.
/// </summary>
public sealed class WhenCommitted<TEvent>(string name, Action act) : IImmediateOutboxConsumer
    where TEvent : IDomainEvent
{
    public string Name => name;

    public bool StartsAtNewest => true;

    public void Deliver(IReadOnlyList<OutboxEvent> events)
    {
        if (events.Any(e => e.Event is TEvent))
        {
            act();
        }
    }

    public Task HandleAsync(IReadOnlyList<OutboxEvent> events, DigibankDbContext db, CancellationToken cancellationToken)
    {
        Deliver(events);
        return Task.CompletedTask;
    }
}
