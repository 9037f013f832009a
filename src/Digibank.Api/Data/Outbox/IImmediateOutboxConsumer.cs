namespace Digibank.Api.Data.Outbox;

/// <summary>
/// A consumer that lives only in this process's memory and writes nothing (the dashboard's subscriptions).
/// Besides the dispatcher's rounds, it gets events right at their commit, on the committing thread, so it does
/// not wait for the dispatcher to wake and read them back. Either way it gets each event once, in order.
/// </summary>
public interface IImmediateOutboxConsumer : IOutboxConsumer
{
    /// <summary>Takes events in sequence order; it must return quickly.</summary>
    void Deliver(IReadOnlyList<OutboxEvent> events);
}
