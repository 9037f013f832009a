namespace Digibank.Api.Data.Outbox;

/// <summary>Tells the <see cref="IOutboxDeliveryObserver"/>s (telemetry) of every batch handed to a consumer and of every event set aside.</summary>
internal sealed class OutboxObservers(IOutboxDeliveryObserver[] observers, TimeProvider clock)
{
    public void Delivered(IOutboxConsumer consumer, IReadOnlyList<OutboxEvent> events)
    {
        if (observers.Length == 0 || events.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var observer in observers)
        {
            observer.Delivered(consumer.Name, events, now);
        }
    }

    public void SetAside(IOutboxConsumer consumer, OutboxEvent setAside)
    {
        foreach (var observer in observers)
        {
            observer.SetAside(consumer.Name, setAside);
        }
    }
}
