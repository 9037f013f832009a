using System.Diagnostics.Metrics;
using Digibank.Api.GraphQL.Transport;

namespace Digibank.Api.Observability;

/// <summary>
/// Reports the WebSocket endpoint's running subscriptions when metrics are collected. The meter comes from this
/// application's meter factory, so two applications in one process (tests) each report their own count.
/// </summary>
public sealed class SubscriptionGauge(IMeterFactory meters, ActiveSubscriptions active) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        meters.Create(DigibankTelemetry.MeterName).CreateObservableUpDownCounter(
            DigibankTelemetry.Instruments.ActiveSubscriptions, () => active.Count, "{subscription}", "GraphQL subscriptions being served over WebSockets");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
