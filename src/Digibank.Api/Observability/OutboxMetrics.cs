using Digibank.Api.Data.Outbox;

namespace Digibank.Api.Observability;

/// <summary>How long events waited between their commit and a consumer having them, and the events a consumer set aside; per consumer.</summary>
public sealed class OutboxMetrics : IOutboxDeliveryObserver
{
    public void SetAside(string consumer, OutboxEvent setAside) =>
        DigibankTelemetry.SetAsideEvents.Add(1, new KeyValuePair<string, object?>(DigibankTelemetry.Attributes.OutboxConsumer, consumer));

    public void Delivered(string consumer, IReadOnlyList<OutboxEvent> events, DateTime deliveredAt)
    {
        if (!DigibankTelemetry.DispatchLag.Enabled)
        {
            return;
        }

        var tag = new KeyValuePair<string, object?>(DigibankTelemetry.Attributes.OutboxConsumer, consumer);
        foreach (var delivered in events)
        {
            DigibankTelemetry.DispatchLag.Record(Math.Max(0, (deliveredAt - delivered.OccurredAt).TotalSeconds), tag);
        }
    }
}
