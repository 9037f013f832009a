namespace Digibank.Api.Data.Outbox;

/// <summary>
/// Hears of every batch of events handed to a consumer, to measure how long events waited (telemetry). It must
/// return quickly and never throw: it runs inside the dispatcher's round and on committing threads.
/// </summary>
public interface IOutboxDeliveryObserver
{
    void Delivered(string consumer, IReadOnlyList<OutboxEvent> events, DateTime deliveredAt);

    /// <summary>A consumer gave up on an event after its tries; it was set aside.</summary>
    void SetAside(string consumer, OutboxEvent setAside)
    {
    }
}
