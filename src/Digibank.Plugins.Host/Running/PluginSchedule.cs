using System.Diagnostics;
using Digibank.Partners.V1;
using Digibank.Plugins.Host.Workers;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging;

namespace Digibank.Plugins.Host;

/// <summary>
/// One plug-in's own loop: a worker process per run, every interval; after a failure a retry with growing back-off;
/// after <see cref="PluginHostOptions.QuarantineAfterCrashes"/> crashes or <see cref="PluginHostOptions.QuarantineAfterTimeouts"/>
/// timeouts in a row, quarantine until its files change.
/// </summary>
internal sealed class PluginSchedule(PluginVersion plugin, PartnerSyncApi api, IPartnerKeySource keys, PluginHostOptions options, PluginHostStatus status, ILogger logger)
{
    public async Task RunAsync(CancellationToken stopping)
    {
        var failures = 0;
        var crashes = 0;
        var timeouts = 0;
        try
        {
            while (true)
            {
                // The span covers the run and its report to the API, so the report's gRPC call is traced inside it.
                using var run = PluginHostTelemetry.StartRun(plugin.Name, plugin.PartnerCode);
                var started = Stopwatch.GetTimestamp();
                var (report, outcome, crashed) = await RunOnceAsync(stopping);
                // A held snapshot waits for a person, not for the plug-in: retrying sooner would change nothing.
                failures = outcome is SyncOutcome.Succeeded or SyncOutcome.NeedsConfirmation ? 0 : failures + 1;
                crashes = crashed ? crashes + 1 : 0;
                // A plug-in stuck on every run (a partner system that never answers) would otherwise hold a worker
                // for its whole timeout, every few seconds, for ever.
                timeouts = outcome == SyncOutcome.TimedOut ? timeouts + 1 : 0;
                if (outcome != SyncOutcome.Succeeded)
                    logger.LogWarning("Run of {Plugin} for {Partner} {Outcome}: {Error}", plugin.Name, plugin.PartnerCode, outcome, report.Error);

                var delay = failures == 0 ? plugin.Manifest.Interval : RetryDelay(failures, options.FirstRetryDelay, plugin.Manifest.Interval);
                var quarantine = QuarantineReason(crashes, timeouts, report.Error);
                status.Update(plugin.Name, state => state with
                {
                    Load = quarantine is not null ? PluginLoadState.Quarantined : state.Load,
                    LoadError = quarantine ?? state.LoadError,
                    WorkerProcessId = null,
                    LastRunStartedAt = report.StartedAt.ToDateTimeOffset(),
                    LastRunFinishedAt = report.FinishedAt.ToDateTimeOffset(),
                    LastOutcome = outcome,
                    LastError = string.IsNullOrEmpty(report.Error) ? null : report.Error,
                    ConsecutiveFailures = failures,
                    Runs = state.Runs + 1,
                    NextRunAt = quarantine is not null ? null : report.FinishedAt.ToDateTimeOffset() + delay,
                });
                // The host's own status first: whoever learns of the run from the API then finds the host agreeing.
                await SyncRun.SendReportAsync(api, keys, report, options.ReportTimeout, logger, stopping);
                PluginHostTelemetry.Finished(run, plugin.Name, plugin.PartnerCode, outcome, Stopwatch.GetElapsedTime(started));
                run?.Stop();

                if (quarantine is not null)
                {
                    await QuarantineAsync(quarantine, stopping);
                    return;
                }

                await Task.Delay(delay, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            // The worker contains the plug-in; reaching this is a bug in the host, which must still not take others down.
            logger.LogError(exception, "The schedule of {Plugin} stopped", plugin.Name);
        }
    }

    /// <summary>first, 2×first, 4×first… never longer than the plug-in's own interval.</summary>
    public static TimeSpan RetryDelay(int failures, TimeSpan firstRetryDelay, TimeSpan interval)
    {
        var delay = firstRetryDelay;
        for (var failure = 1; failure < failures && delay < interval; failure++)
            delay *= 2;
        return delay < interval ? delay : interval;
    }

    /// <summary>One run in a worker process; crashed when the worker died or was killed rather than finishing its run.</summary>
    private async Task<(SyncRunReport Report, SyncOutcome Outcome, bool Crashed)> RunOnceAsync(CancellationToken stopping)
    {
        var report = new SyncRunReport
        {
            PartnerCode = plugin.PartnerCode,
            PluginName = plugin.Name,
            StartedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
        };
        var crashed = false;
        SyncOutcome outcome;
        try
        {
            var key = await keys.GetKeyAsync(plugin.PartnerCode!, stopping);
            var worker = await WorkerProcess.RunAsync(
                plugin.Request(describe: false, options, key),
                logger,
                processId => status.Update(plugin.Name, state => state with { WorkerProcessId = processId }),
                stopping);
            if (worker.Result is { } result)
            {
                crashed = result.OutOfMemory;
                outcome = result.Outcome;
                report.Error = result.Error ?? string.Empty;
                report.OffersCreated = result.OffersCreated;
                report.OffersUpdated = result.OffersUpdated;
                report.OffersUnchanged = result.OffersUnchanged;
                report.OffersWithdrawn = result.OffersWithdrawn;
                report.OffersRejected = result.OffersRejected;
                report.SignUpsReceived = result.SignUpsSent;
                report.SignUpChangesDelivered = result.ChangesDelivered;
            }
            else
            {
                crashed = true;
                outcome = worker.PassedDeadline ? SyncOutcome.TimedOut : SyncOutcome.Failed;
                report.Error = worker.Failure ?? "The worker process ended without a result.";
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            // The partner key or the worker could not be had: the host's trouble, not the plug-in's.
            outcome = SyncOutcome.Failed;
            report.Error = $"The run could not start: {SyncRun.Describe(exception)}";
        }

        report.Outcome = SyncRun.ReportedOutcome(outcome);
        report.FinishedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
        return (report, outcome, crashed);
    }

    private async Task QuarantineAsync(string reason, CancellationToken stopping)
    {
        logger.LogError("Plug-in {Plugin} for {Partner} is quarantined: {Reason}", plugin.Name, plugin.PartnerCode, reason);
        var now = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
        await SyncRun.SendReportAsync(api, keys, new SyncRunReport
        {
            PartnerCode = plugin.PartnerCode,
            PluginName = plugin.Name,
            StartedAt = now,
            FinishedAt = now,
            Outcome = SyncRun.ReportedOutcome(SyncOutcome.Quarantined),
            Error = reason,
        }, options.ReportTimeout, logger, stopping);
    }

    private string? QuarantineReason(int crashes, int timeouts, string lastError) =>
        crashes >= options.QuarantineAfterCrashes
            ? $"Stopped after {crashes} crashes in a row; it runs again once its files are replaced. Last: {lastError}"
            : timeouts >= options.QuarantineAfterTimeouts
                ? $"Stopped after {timeouts} runs in a row that did not finish within their timeout of {plugin.Manifest.Timeout.TotalSeconds:0.#} s; it runs again once its files are replaced. Last: {lastError}"
                : null;
}
