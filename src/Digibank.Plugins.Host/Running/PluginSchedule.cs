using Microsoft.Extensions.Logging;

namespace Digibank.Plugins.Host;

/// <summary>One plug-in's own loop: a run every interval, and after a failure a retry with growing back-off.</summary>
internal sealed class PluginSchedule(LoadedPlugin plugin, PartnerSyncApi api, IPartnerKeySource keys, PluginHostOptions options, PluginHostStatus status, ILogger logger)
{
    public async Task RunAsync(CancellationToken stopping)
    {
        var run = new SyncRun(plugin, api, keys, options, logger);
        var failures = 0;
        try
        {
            while (true)
            {
                var result = await run.ExecuteAsync(stopping);
                failures = result.Outcome == SyncOutcome.Succeeded ? 0 : failures + 1;
                var delay = failures == 0 ? plugin.Manifest.Interval : RetryDelay(failures, options.FirstRetryDelay, plugin.Manifest.Interval);
                status.Update(plugin.Name, state => state with
                {
                    LastRunStartedAt = result.StartedAt,
                    LastRunFinishedAt = result.FinishedAt,
                    LastOutcome = result.Outcome,
                    LastError = result.Error,
                    ConsecutiveFailures = failures,
                    Runs = state.Runs + 1,
                    NextRunAt = result.FinishedAt + delay,
                });
                await Task.Delay(delay, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            // ExecuteAsync contains the plug-in; reaching this is a bug in the host, which must still not take others down.
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
}
