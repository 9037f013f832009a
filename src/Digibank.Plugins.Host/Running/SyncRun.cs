using Digibank.Partners.V1;
using Grpc.Core;
using Digibank.Plugins.Host.Workers;
using Microsoft.Extensions.Logging;

namespace Digibank.Plugins.Host;

/// <summary>
/// One run of one plug-in, inside its worker process: offers as a snapshot, its sign-ups, then the sign-up changes
/// made elsewhere. A plug-in that throws, hangs or ignores its cancellation token cannot hold the run up; the
/// supervisor reports how it went.
/// </summary>
internal sealed class SyncRun(LoadedPlugin plugin, PartnerSyncApi api, IPartnerKeySource keys, ILogger logger)
{
    private const int MaxErrorLength = 2000;
    private const int OffersPerBatch = 1_000;

    /// <summary>Runs once; throws only <see cref="OperationCanceledException"/> when <paramref name="stopping"/> fires.</summary>
    public async Task<WorkerRunResult> ExecuteAsync(CancellationToken stopping)
    {
        var progress = new RunProgress();
        var timeout = plugin.Manifest.Timeout;
        using var runCancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        runCancellation.CancelAfter(timeout);

        // Task.Run: a plug-in that blocks its thread before its first await must not block this loop either.
        var work = Task.Run(() => SyncAsync(progress, runCancellation.Token), CancellationToken.None);
        SyncOutcome outcome;
        string? error = null;
        var outOfMemory = false;
        try
        {
            // Not awaited beyond the timeout: a plug-in that ignores its token is left behind, not waited for.
            await work.WaitAsync(timeout, stopping);
            (outcome, error) = progress.WithdrawalHeld is { } held ? (SyncOutcome.NeedsConfirmation, held) : (SyncOutcome.Succeeded, null);
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
        catch (Exception exception) when (IsOutOfMemory(exception))
        {
            outOfMemory = true;
            var limit = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024);
            (outcome, error) = (SyncOutcome.Failed, $"The plug-in ran out of its memory limit of {limit} MB while {progress.Stage}.");
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

        if (outcome == SyncOutcome.Succeeded)
            logger.LogInformation(
                "Synced {Plugin} for {Partner}: {Offers} offers sent ({Created} created, {Updated} updated, {Withdrawn} withdrawn, {Rejected} rejected), {SignUps} sign-ups sent, {Changes} sign-up changes delivered",
                plugin.Name, plugin.PartnerCode, progress.OffersSent, progress.OffersCreated, progress.OffersUpdated, progress.OffersWithdrawn, progress.OffersRejected, progress.SignUpsSent, progress.ChangesDelivered);
        else
            logger.LogWarning("Run of {Plugin} for {Partner} {Outcome}: {Error}", plugin.Name, plugin.PartnerCode, outcome, error);

        return new WorkerRunResult(
            outcome, error, outOfMemory, progress.OffersCreated, progress.OffersUpdated, progress.OffersUnchanged,
            progress.OffersWithdrawn, progress.OffersRejected, progress.SignUpsSent, progress.ChangesDelivered);
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
        await SendAsync(call, new OfferUpload
        {
            Header = new UploadHeader { PartnerCode = plugin.PartnerCode, Mode = UploadMode.Snapshot },
        }, cancellationToken);

        progress.Stage = "reading offers";
        // Batches: one HTTP/2 message per offer cost a large catalogue half of its upload time.
        var batch = new OfferBatch();
        await foreach (var offer in instance.ReadOffersAsync(context, cancellationToken).WithCancellation(cancellationToken))
        {
            if (offer is null)
            {
                logger.LogWarning("{Plugin} yielded a null offer; skipped", plugin.Name);
                continue;
            }

            batch.Offers.Add(ContractMapping.ToContract(offer));
            progress.OffersSent++;
            if (batch.Offers.Count == OffersPerBatch)
            {
                progress.Stage = "uploading offers";
                await SendAsync(call, new OfferUpload { Batch = batch }, cancellationToken);
                batch = new OfferBatch();
                progress.Stage = "reading offers";
            }
        }

        progress.Stage = "uploading offers";
        if (batch.Offers.Count > 0)
            await SendAsync(call, new OfferUpload { Batch = batch }, cancellationToken);
        await SendAsync(call, new OfferUpload { End = new UploadEnd() }, cancellationToken);
        await CompleteAsync(call, cancellationToken);
        var summary = await call;
        progress.OffersCreated = summary.Created;
        progress.OffersUpdated = summary.Updated;
        progress.OffersUnchanged = summary.Unchanged;
        progress.OffersWithdrawn = summary.Withdrawn;
        progress.OffersRejected = summary.Rejected.Count;
        if (summary.WithdrawalHeld)
        {
            progress.WithdrawalHeld = string.IsNullOrWhiteSpace(summary.WithdrawalHeldReason)
                ? $"The API held back the withdrawal of {summary.WithdrawalsHeld} of {summary.ActiveBefore} courses until a coordinator confirms it."
                : summary.WithdrawalHeldReason;
        }

        foreach (var rejected in summary.Rejected.Take(20))
            logger.LogWarning("API rejected offer {ExternalId} of {Plugin}: {Reason}", rejected.ExternalId, plugin.Name, rejected.Reason);
        foreach (var cleaned in summary.Cleaned.Take(20))
            logger.LogWarning("API took control characters or direction marks out of offer {ExternalId} of {Plugin}: {Fields}", cleaned.ExternalId, plugin.Name, string.Join(", ", cleaned.Fields));
    }

    private async Task UploadSignUpsAsync(IPartnerPlugin instance, PluginContext context, Metadata headers, RunProgress progress, CancellationToken cancellationToken)
    {
        progress.Stage = "uploading sign-ups";
        using var call = api.Client.UploadSignUps(headers, cancellationToken: cancellationToken);
        await SendAsync(call, new SignUpUpload
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
            await SendAsync(call, new SignUpUpload { SignUp = ContractMapping.ToContract(signUp) }, cancellationToken);
            progress.SignUpsSent++;
            progress.Stage = "reading sign-ups";
        }

        progress.Stage = "uploading sign-ups";
        await CompleteAsync(call, cancellationToken);
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
        SyncOutcome.NeedsConfirmation => "NEEDS_CONFIRMATION",
        SyncOutcome.Quarantined => "QUARANTINED",
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

    private static Task SendAsync<TRequest, TResponse>(AsyncClientStreamingCall<TRequest, TResponse> call, TRequest message, CancellationToken cancellationToken) =>
        WithTheApisAnswerAsync(call, call.RequestStream.WriteAsync(message, cancellationToken), cancellationToken);

    private static Task CompleteAsync<TRequest, TResponse>(AsyncClientStreamingCall<TRequest, TResponse> call, CancellationToken cancellationToken) =>
        WithTheApisAnswerAsync(call, call.RequestStream.CompleteAsync(), cancellationToken);

    private static async Task WithTheApisAnswerAsync<TRequest, TResponse>(AsyncClientStreamingCall<TRequest, TResponse> call, Task write, CancellationToken cancellationToken)
    {
        try
        {
            await write;
        }
        catch (Exception exception) when (exception is RpcException or InvalidOperationException or IOException && !cancellationToken.IsCancellationRequested)
        {
            await ThrowTheApisAnswerAsync(call, cancellationToken);
            throw;
        }
    }

    // A write fails once the API has ended the call (a limit passed, a bad header): the API's own status says why,
    // the broken write only that the stream is gone.
    private static async Task ThrowTheApisAnswerAsync<TRequest, TResponse>(AsyncClientStreamingCall<TRequest, TResponse> call, CancellationToken cancellationToken)
    {
        try
        {
            await call.ResponseAsync.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        }
        catch (TimeoutException)
        {
        }
    }

    private static bool IsOutOfMemory(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is OutOfMemoryException || (exception is AggregateException aggregate && aggregate.InnerExceptions.Any(IsOutOfMemory)))
                return true;
        }

        return false;
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

    /// <summary>Why the API held the snapshot's withdrawals, or null when it did not.</summary>
    public string? WithdrawalHeld { get; set; }
}
