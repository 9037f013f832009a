using Digibank.Partners.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Digibank.Plugins.Host;

/// <summary>
/// One run of one plug-in: offers as a snapshot, its sign-ups, then the sign-up changes made elsewhere, and a
/// report of how it went. A plug-in that throws, hangs or ignores its cancellation token cannot hold the run up.
/// </summary>
internal sealed class SyncRun(LoadedPlugin plugin, PartnerSyncApi api, IPartnerKeySource keys, PluginHostOptions options, ILogger logger)
{
    private const int MaxErrorLength = 2000;

    /// <summary>Runs once and reports; throws only <see cref="OperationCanceledException"/> when <paramref name="stopping"/> fires.</summary>
    public async Task<SyncRunResult> ExecuteAsync(CancellationToken stopping)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var progress = new RunProgress();
        var timeout = plugin.Manifest.Timeout;
        using var runCancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        runCancellation.CancelAfter(timeout);

        // Task.Run: a plug-in that blocks its thread before its first await must not block this loop either.
        var work = Task.Run(() => SyncAsync(progress, runCancellation.Token), CancellationToken.None);
        SyncOutcome outcome;
        string? error = null;
        try
        {
            // Not awaited beyond the timeout: a plug-in that ignores its token is left behind, not waited for.
            await work.WaitAsync(timeout, stopping);
            outcome = SyncOutcome.Succeeded;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            ObserveLater(work);
            throw;
        }
        catch (TimeoutException)
        {
            ObserveLater(work);
            (outcome, error) = (SyncOutcome.TimedOut, TimedOutMessage(progress, timeout));
        }
        catch (Exception) when (runCancellation.IsCancellationRequested)
        {
            (outcome, error) = (SyncOutcome.TimedOut, TimedOutMessage(progress, timeout));
        }
        catch (Exception exception)
        {
            (outcome, error) = (SyncOutcome.Failed, $"{progress.Stage} failed: {Describe(exception)}");
        }
        finally
        {
            // Aborts whatever a left-behind plug-in still has open: an offer upload without `end` withdraws nothing.
            await runCancellation.CancelAsync();
        }

        var result = new SyncRunResult(startedAt, DateTimeOffset.UtcNow, outcome, error, progress);
        if (outcome == SyncOutcome.Succeeded)
            logger.LogInformation(
                "Synced {Plugin} for {Partner}: {Offers} offers sent ({Created} created, {Updated} updated, {Withdrawn} withdrawn, {Rejected} rejected), {SignUps} sign-ups sent, {Changes} sign-up changes delivered",
                plugin.Name, plugin.PartnerCode, progress.OffersSent, progress.OffersCreated, progress.OffersUpdated, progress.OffersWithdrawn, progress.OffersRejected, progress.SignUpsSent, progress.ChangesDelivered);
        else
            logger.LogWarning("Run of {Plugin} for {Partner} {Outcome}: {Error}", plugin.Name, plugin.PartnerCode, outcome, error);

        await ReportAsync(result, stopping);
        return result;
    }

    private async Task SyncAsync(RunProgress progress, CancellationToken cancellationToken)
    {
        progress.Stage = "getting the partner key";
        var key = await keys.GetKeyAsync(plugin.PartnerCode, cancellationToken);
        var headers = PartnerSyncApi.Authorization(key);

        progress.Stage = "creating the plug-in";
        var instance = plugin.CreateInstance();
        var context = new PluginContext(plugin.Manifest.Settings, plugin.Folder, new PluginLog(logger));

        await UploadOffersAsync(instance, context, headers, progress, cancellationToken);
        await UploadSignUpsAsync(instance, context, headers, progress, cancellationToken);
        await DeliverSignUpChangesAsync(instance, context, headers, progress, cancellationToken);
        progress.Stage = "finishing";
    }

    private async Task UploadOffersAsync(IPartnerPlugin instance, PluginContext context, Metadata headers, RunProgress progress, CancellationToken cancellationToken)
    {
        progress.Stage = "uploading offers";
        // Disposing a call that has not completed cancels it, so any exception below breaks the upload off
        // before `end`, and the API withdraws nothing.
        using var call = api.Client.UploadOffers(headers, cancellationToken: cancellationToken);
        await call.RequestStream.WriteAsync(new OfferUpload
        {
            Header = new UploadHeader { PartnerCode = plugin.PartnerCode, Mode = UploadMode.Snapshot },
        }, cancellationToken);

        progress.Stage = "reading offers";
        await foreach (var offer in instance.ReadOffersAsync(context, cancellationToken).WithCancellation(cancellationToken))
        {
            if (offer is null)
            {
                logger.LogWarning("{Plugin} yielded a null offer; skipped", plugin.Name);
                continue;
            }

            progress.Stage = "uploading offers";
            await call.RequestStream.WriteAsync(new OfferUpload { Offer = ContractMapping.ToContract(offer) }, cancellationToken);
            progress.OffersSent++;
            progress.Stage = "reading offers";
        }

        progress.Stage = "uploading offers";
        await call.RequestStream.WriteAsync(new OfferUpload { End = new UploadEnd() }, cancellationToken);
        await call.RequestStream.CompleteAsync();
        var summary = await call;
        progress.OffersCreated = summary.Created;
        progress.OffersUpdated = summary.Updated;
        progress.OffersUnchanged = summary.Unchanged;
        progress.OffersWithdrawn = summary.Withdrawn;
        progress.OffersRejected = summary.Rejected.Count;
        foreach (var rejected in summary.Rejected.Take(20))
            logger.LogWarning("API rejected offer {ExternalId} of {Plugin}: {Reason}", rejected.ExternalId, plugin.Name, rejected.Reason);
    }

    private async Task UploadSignUpsAsync(IPartnerPlugin instance, PluginContext context, Metadata headers, RunProgress progress, CancellationToken cancellationToken)
    {
        progress.Stage = "uploading sign-ups";
        using var call = api.Client.UploadSignUps(headers, cancellationToken: cancellationToken);
        await call.RequestStream.WriteAsync(new SignUpUpload
        {
            Header = new UploadHeader { PartnerCode = plugin.PartnerCode, Mode = UploadMode.Snapshot },
        }, cancellationToken);

        progress.Stage = "reading sign-ups";
        await foreach (var signUp in instance.ReadSignUpsAsync(context, cancellationToken).WithCancellation(cancellationToken))
        {
            if (signUp is null)
            {
                logger.LogWarning("{Plugin} yielded a null sign-up; skipped", plugin.Name);
                continue;
            }

            progress.Stage = "uploading sign-ups";
            await call.RequestStream.WriteAsync(new SignUpUpload { SignUp = ContractMapping.ToContract(signUp) }, cancellationToken);
            progress.SignUpsSent++;
            progress.Stage = "reading sign-ups";
        }

        progress.Stage = "uploading sign-ups";
        await call.RequestStream.CompleteAsync();
        var summary = await call;
        foreach (var rejected in summary.Rejected.Take(20))
            logger.LogWarning("API rejected sign-up {ExternalId} of {Plugin}: {Reason}", rejected.ExternalId, plugin.Name, rejected.Reason);
    }

    private async Task DeliverSignUpChangesAsync(IPartnerPlugin instance, PluginContext context, Metadata headers, RunProgress progress, CancellationToken cancellationToken)
    {
        progress.Stage = "reading the sign-up cursor";
        var cursor = SyncStateFile.ReadCursor(plugin.Folder);

        progress.Stage = "fetching sign-up changes";
        var changes = new List<SignUpChange>();
        var lastCursor = cursor;
        using (var call = api.Client.WatchSignUpChanges(
            new WatchSignUpChangesRequest { PartnerCode = plugin.PartnerCode, AfterCursor = cursor, Follow = false },
            headers,
            cancellationToken: cancellationToken))
        {
            await foreach (var change in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                changes.Add(ContractMapping.ToPlugin(change));
                lastCursor = Math.Max(lastCursor, change.Cursor);
            }
        }

        if (changes.Count == 0)
            return;

        progress.Stage = "writing sign-up changes";
        await instance.WriteSignUpChangesAsync(changes, context, cancellationToken);

        // Only now: had the plug-in failed, the same changes come again on the next run.
        progress.Stage = "storing the sign-up cursor";
        SyncStateFile.WriteCursor(plugin.Folder, lastCursor);
        progress.ChangesDelivered = changes.Count;
    }

    private async Task ReportAsync(SyncRunResult result, CancellationToken stopping)
    {
        var report = new SyncRunReport
        {
            PartnerCode = plugin.PartnerCode,
            PluginName = plugin.Name,
            StartedAt = Timestamp.FromDateTimeOffset(result.StartedAt),
            FinishedAt = Timestamp.FromDateTimeOffset(result.FinishedAt),
            Outcome = ReportedOutcome(result.Outcome),
            Error = result.Error ?? string.Empty,
            OffersCreated = result.Progress.OffersCreated,
            OffersUpdated = result.Progress.OffersUpdated,
            OffersUnchanged = result.Progress.OffersUnchanged,
            OffersWithdrawn = result.Progress.OffersWithdrawn,
            OffersRejected = result.Progress.OffersRejected,
            SignUpsReceived = result.Progress.SignUpsSent,
            SignUpChangesDelivered = result.Progress.ChangesDelivered,
        };
        await SendReportAsync(api, keys, report, options.ReportTimeout, logger, stopping);
    }

    /// <summary>Sends a report; a failure to report is logged and never fails the host.</summary>
    public static async Task SendReportAsync(PartnerSyncApi api, IPartnerKeySource keys, SyncRunReport report, TimeSpan reportTimeout, ILogger logger, CancellationToken stopping)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            timeout.CancelAfter(reportTimeout);
            var key = await keys.GetKeyAsync(report.PartnerCode, timeout.Token);
            await api.Client.ReportSyncRunAsync(report, PartnerSyncApi.Authorization(key), cancellationToken: timeout.Token);
        }
        catch (Exception exception) when (!stopping.IsCancellationRequested)
        {
            logger.LogWarning("Could not report the {Outcome} run of {Plugin} to the API: {Error}", report.Outcome, report.PluginName, Describe(exception));
        }
    }

    public static string ReportedOutcome(SyncOutcome outcome) => outcome switch
    {
        SyncOutcome.Succeeded => "SUCCEEDED",
        SyncOutcome.TimedOut => "TIMED_OUT",
        _ => "FAILED",
    };

    /// <summary>The message only: staff read it in GraphQL, and a stack trace tells them nothing.</summary>
    public static string Describe(Exception exception)
    {
        var message = exception switch
        {
            RpcException rpc => $"the API answered {rpc.StatusCode}: {rpc.Status.Detail}",
            AggregateException { InnerExceptions: [var single] } => Describe(single),
            System.Reflection.TargetInvocationException { InnerException: { } inner } => Describe(inner),
            _ => exception.Message,
        };
        return message.Length <= MaxErrorLength ? message : message[..MaxErrorLength];
    }

    private static string TimedOutMessage(RunProgress progress, TimeSpan timeout) =>
        $"The run did not finish within {timeout.TotalSeconds:0.#} s (while {progress.Stage}).";

    private static void ObserveLater(Task work) =>
        work.ContinueWith(static task => _ = task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}

/// <summary>What a run got done; written by the run, read after it for the report.</summary>
internal sealed class RunProgress
{
    public string Stage { get; set; } = "starting";
    public int OffersSent { get; set; }
    public int OffersCreated { get; set; }
    public int OffersUpdated { get; set; }
    public int OffersUnchanged { get; set; }
    public int OffersWithdrawn { get; set; }
    public int OffersRejected { get; set; }
    public int SignUpsSent { get; set; }
    public int ChangesDelivered { get; set; }
}

internal sealed record SyncRunResult(DateTimeOffset StartedAt, DateTimeOffset FinishedAt, SyncOutcome Outcome, string? Error, RunProgress Progress);
