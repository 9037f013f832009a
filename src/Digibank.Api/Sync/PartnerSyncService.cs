using System.Globalization;
using Digibank.Api.Partners;
using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.Data.Outbox;
using Digibank.Api.GraphQL.Relay;
using Digibank.Partners.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Digibank.Api.Sync;

/// <summary>The partner side of the platform: offers and sign-ups in, sign-up changes out (DESIGN.md §6).</summary>
public sealed class PartnerSyncService(
    IDbContextFactory<DigibankDbContext> dbContextFactory,
    WriteQueue writes,
    PartnerUploadLocks uploadLocks,
    TimeProvider clock,
    IOptions<PartnerSyncOptions> options,
    OutboxDispatcher outbox,
    ILogger<PartnerSyncService> logger) : PartnerSync.PartnerSyncBase
{
    public const int MaxSyncRunsKept = 50;
    private static readonly TimeSpan FollowPollInterval = TimeSpan.FromMilliseconds(500);

    public override async Task<OfferUploadSummary> UploadOffers(IAsyncStreamReader<OfferUpload> requestStream, ServerCallContext context)
    {
        var partner = await PartnerCaller.AuthenticateAsync(context, dbContextFactory);
        var header = await ReadHeaderAsync(requestStream, partner, upload => upload.ItemCase == OfferUpload.ItemOneofCase.Header ? upload.Header : null, context.CancellationToken);
        // The whole upload is read and checked before anything is written, so one that breaks off changes nothing, and
        // no write waits while a partner's stream trickles in. It is then applied in short batches (OfferImport).
        var upload = await ReadOffersAsync(requestStream, header, partner.PartnerId, context.CancellationToken);
        // One upload of a partner's offers at a time, whichever instance or host sends it: a second waits here for the first to end.
        await using var partnerTurn = await uploadLocks.WaitAsync(partner.PartnerId, context.CancellationToken);
        var summary = await new OfferImport(dbContextFactory, writes, partner.PartnerId, Now, logger).ImportAsync(upload, options.Value.MassWithdrawalShare, context.CancellationToken);
        if (summary.WithdrawalHeld)
        {
            logger.LogWarning("Partner {Partner} sent a snapshot that would withdraw {Count} of its {Active} active courses; held for a coordinator's confirmation",
                partner.PartnerCode, summary.WithdrawalsHeld, summary.ActiveBefore);
        }

        logger.LogInformation("Partner {Partner} uploaded offers: {Created} created, {Updated} updated, {Unchanged} unchanged, {Withdrawn} withdrawn, {Held} held, {Rejected} rejected",
            partner.PartnerCode, summary.Created, summary.Updated, summary.Unchanged, summary.Withdrawn, summary.WithdrawalsHeld, summary.Rejected.Count);
        return summary;
    }

    public override async Task<SignUpUploadSummary> UploadSignUps(IAsyncStreamReader<SignUpUpload> requestStream, ServerCallContext context)
    {
        var partner = await PartnerCaller.AuthenticateAsync(context, dbContextFactory);
        await ReadHeaderAsync(requestStream, partner, upload => upload.ItemCase == SignUpUpload.ItemOneofCase.Header ? upload.Header : null, context.CancellationToken);
        var signUps = new List<PartnerSignUp>();
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            if (requestStream.Current.ItemCase != SignUpUpload.ItemOneofCase.SignUp)
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, "After the header come only sign-ups."));
            }

            if (signUps.Count >= PartnerSignUpImport.MaxSignUpsPerUpload)
            {
                throw new RpcException(new Status(StatusCode.ResourceExhausted, $"An upload holds at most {PartnerSignUpImport.MaxSignUpsPerUpload} sign-ups."));
            }

            signUps.Add(requestStream.Current.SignUp);
        }

        // The whole upload is read before anything is written, so one that breaks off changes nothing. It is then
        // applied in short batches; a call cancelled meanwhile keeps the batches already in, and sending the same
        // upload again is safe, since sign-ups are matched by their external id.
        var summary = await new PartnerSignUpImport(dbContextFactory, writes, partner.PartnerId, Now).ImportAsync(signUps, context.CancellationToken);
        logger.LogInformation("Partner {Partner} uploaded sign-ups: {Created} created, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected",
            partner.PartnerCode, summary.Created, summary.Updated, summary.Unchanged, summary.Rejected.Count);
        return summary;
    }

    public override async Task WatchSignUpChanges(WatchSignUpChangesRequest request, IServerStreamWriter<SignUpChangeEvent> responseStream, ServerCallContext context)
    {
        var partner = await PartnerCaller.AuthenticateAsync(context, dbContextFactory);
        partner.RequireSelf(request.PartnerCode);
        var cursor = request.AfterCursor;
        try
        {
            while (!context.CancellationToken.IsCancellationRequested)
            {
                // A partner reading right after a change sees it: the feed first takes in what was committed before.
                await outbox.WaitUntilHandledAsync(SignUpFeed.ConsumerName, SignUpFeed.CatchUpTimeout, context.CancellationToken);
                var batch = await ChangesAfterAsync(partner.PartnerId, cursor, context.CancellationToken);
                foreach (var change in batch)
                {
                    await responseStream.WriteAsync(change, context.CancellationToken);
                    cursor = change.Cursor;
                }

                if (batch.Count == 0)
                {
                    if (!request.Follow)
                    {
                        return;
                    }

                    await Task.Delay(FollowPollInterval, clock, context.CancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The partner closed the feed; it resumes from the last cursor it stored.
        }
    }

    public override async Task<SyncRunAck> ReportSyncRun(SyncRunReport request, ServerCallContext context)
    {
        var partner = await PartnerCaller.AuthenticateAsync(context, dbContextFactory);
        partner.RequireSelf(request.PartnerCode);
        if (!TryOutcome(request.Outcome, out var outcome)
            || request.StartedAt is null || request.FinishedAt is null || request.PluginName.Length is 0 or > 100)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                "A run report needs a plug-in name, start and finish times and an outcome of SUCCEEDED, FAILED, TIMED_OUT, NEEDS_CONFIRMATION or QUARANTINED."));
        }

        if (PartnerTime.Problem("started_at", request.StartedAt, required: true, out var startedAt) is { } startProblem)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, startProblem));
        }

        if (PartnerTime.Problem("finished_at", request.FinishedAt, required: true, out var finishedAt) is { } finishProblem)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, finishProblem));
        }

        if (finishedAt < startedAt)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "finished_at lies before started_at."));
        }

        await using var db = await dbContextFactory.CreateDbContextAsync(context.CancellationToken);
        db.SyncRuns.Add(new SyncRun
        {
            PartnerId = partner.PartnerId,
            PluginName = request.PluginName,
            StartedAt = startedAt!.Value,
            FinishedAt = finishedAt!.Value,
            Outcome = outcome,
            Error = request.Error is { Length: > 0 } error ? error[..Math.Min(error.Length, 1000)] : null,
            OffersCreated = request.OffersCreated,
            OffersUpdated = request.OffersUpdated,
            OffersUnchanged = request.OffersUnchanged,
            OffersWithdrawn = request.OffersWithdrawn,
            OffersRejected = request.OffersRejected,
            SignUpsReceived = request.SignUpsReceived,
            SignUpChangesDelivered = request.SignUpChangesDelivered,
        });
        await db.SaveChangesAsync(context.CancellationToken);
        var keepFrom = await db.SyncRuns.Where(r => r.PartnerId == partner.PartnerId)
            .OrderByDescending(r => r.Id).Skip(MaxSyncRunsKept).Select(r => (int?)r.Id).FirstOrDefaultAsync(context.CancellationToken);
        if (keepFrom is { } oldest)
        {
            await db.SyncRuns.Where(r => r.PartnerId == partner.PartnerId && r.Id <= oldest).ExecuteDeleteAsync(context.CancellationToken);
        }

        return new SyncRunAck();
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    // By name only: Enum.TryParse alone would also take "1" or "SUCCEEDED,FAILED".
    private static bool TryOutcome(string name, out SyncOutcome outcome)
    {
        outcome = default;
        return name.All(c => char.IsAsciiLetter(c) || c == '_')
            && System.Enum.TryParse(name.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out outcome)
            && System.Enum.IsDefined(outcome);
    }

    private static async Task<UploadHeader> ReadHeaderAsync<T>(IAsyncStreamReader<T> stream, PartnerCaller partner, Func<T, UploadHeader?> headerOf, CancellationToken cancellationToken)
    {
        if (!await stream.MoveNext(cancellationToken) || headerOf(stream.Current) is not { } header)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "An upload starts with a header naming the partner."));
        }

        partner.RequireSelf(header.PartnerCode);
        if (header.Mode == UploadMode.Unspecified)
        {
            header.Mode = UploadMode.Delta;
        }

        return header;
    }

    /// <summary>Reads an offer upload to its <c>end</c>, checking every offer; the limits and a stream that breaks off end the call.</summary>
    private async Task<CheckedOfferUpload> ReadOffersAsync(IAsyncStreamReader<OfferUpload> requestStream, UploadHeader header, int partnerId, CancellationToken cancellationToken)
    {
        OfferChecker checker;
        await using (var db = await dbContextFactory.CreateDbContextAsync(cancellationToken))
        {
            checker = await OfferChecker.LoadAsync(db, partnerId, cancellationToken);
        }

        var offers = new List<ValidOffer>();
        var removals = new List<string>();
        void Check(CourseOffer item)
        {
            if (offers.Count + checker.Rejected.Count >= OfferChecker.MaxOffersPerUpload)
            {
                throw new RpcException(new Status(StatusCode.ResourceExhausted, $"An upload holds at most {OfferChecker.MaxOffersPerUpload} offers."));
            }

            if (checker.Check(item) is { } offer)
            {
                offers.Add(offer);
            }
        }

        while (await requestStream.MoveNext(cancellationToken))
        {
            var item = requestStream.Current;
            switch (item.ItemCase)
            {
                case OfferUpload.ItemOneofCase.Offer:
                    Check(item.Offer);
                    break;
                case OfferUpload.ItemOneofCase.Batch:
                    if (item.Batch.Offers.Count > OfferChecker.MaxOffersPerBatch)
                    {
                        throw new RpcException(new Status(StatusCode.InvalidArgument, string.Create(CultureInfo.InvariantCulture,
                            $"A batch holds at most {OfferChecker.MaxOffersPerBatch:N0} offers; this one holds {item.Batch.Offers.Count:N0}. Send them in smaller batches; nothing was changed.")));
                    }

                    foreach (var offer in item.Batch.Offers)
                    {
                        Check(offer);
                    }

                    break;
                case OfferUpload.ItemOneofCase.Removal when header.Mode == UploadMode.Delta:
                    removals.Add(item.Removal.ExternalId);
                    break;
                case OfferUpload.ItemOneofCase.End:
                    return new CheckedOfferUpload(header, offers, removals, checker);
                default:
                    throw new RpcException(new Status(StatusCode.InvalidArgument,
                        $"Unexpected '{item.ItemCase}' message: after the header come offers{(header.Mode == UploadMode.Delta ? " and removals" : string.Empty)}, then 'end'."));
            }
        }

        throw new RpcException(new Status(StatusCode.FailedPrecondition, "The upload stopped before its 'end' message; nothing was changed."));
    }

    private async Task<List<SignUpChangeEvent>> ChangesAfterAsync(int partnerId, long cursor, CancellationToken cancellationToken)
    {
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.SignUpChanges
            .Where(c => c.PartnerId == partnerId && c.Id > cursor)
            .OrderBy(c => c.Id)
            .Take(500)
            .Select(c => new
            {
                c.Id,
                c.SignUpId,
                CourseExternalId = c.SignUp!.Course!.ExternalId,
                c.Status,
                c.WaitlistPosition,
                c.SignUp.Participant!.FirstName,
                c.SignUp.Participant.Email,
                c.SignUp.Participant.Phone,
                Erased = c.SignUp.Participant.ErasedAt != null,
                c.ChangedAt,
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(row =>
        {
            var change = new SignUpChangeEvent
            {
                Cursor = row.Id,
                SignUpId = GlobalId.Encode(SignUpType.TypeName, row.SignUpId),
                CourseExternalId = row.CourseExternalId,
                Status = StatusName(row.Status),
                FirstName = row.FirstName ?? string.Empty,
                Email = row.Email ?? string.Empty,
                Phone = row.Phone ?? string.Empty,
                Erased = row.Erased,
                ChangedAt = Timestamp.FromDateTime(row.ChangedAt),
            };
            if (row.WaitlistPosition is { } position)
            {
                change.WaitlistPosition = position;
            }

            return change;
        })];
    }

    private static string StatusName(SignUpStatus status) => status switch
    {
        SignUpStatus.NoShow => "NO_SHOW",
        _ => status.ToString().ToUpperInvariant(),
    };
}
