using System.Diagnostics;
using Digibank.Api.Courses;
using Digibank.Api.Data.Outbox;
using Digibank.Api.Devices;

namespace Digibank.Api.Observability;

/// <summary>
/// Counts sign-ups and loans from the events of committed transactions, on the instance that committed them:
/// a sign-up that was rolled back is never counted, and one relayed from another instance is counted there.
/// </summary>
public sealed class CommittedEventMetrics(OutboxSignal signal) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        signal.Committed += Count;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        signal.Committed -= Count;
        return Task.CompletedTask;
    }

    /// <summary>Counts what <paramref name="committed"/> holds; it runs on the committing thread, so it only adds.</summary>
    public static void Count(IReadOnlyList<OutboxEvent> committed)
    {
        if (!DigibankTelemetry.SignUps.Enabled && !DigibankTelemetry.Loans.Enabled)
        {
            return;
        }

        foreach (var committedEvent in committed)
        {
            switch (committedEvent.Event)
            {
                case SignUpChanged { IsNew: true } signUp:
                    DigibankTelemetry.SignUps.Add(1, new TagList
                    {
                        { DigibankTelemetry.Attributes.SignUpChannel, signUp.Channel.ToString() },
                        { DigibankTelemetry.Attributes.SignUpStatus, signUp.Status.ToString() },
                    });
                    break;
                case DeviceLent:
                    DigibankTelemetry.Loans.Add(1);
                    break;
            }
        }
    }
}
