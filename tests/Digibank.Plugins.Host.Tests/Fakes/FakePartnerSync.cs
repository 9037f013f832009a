using System.Collections.Concurrent;
using Digibank.Partners.V1;
using Grpc.Core;
using ProtoCourseOffer = Digibank.Partners.V1.CourseOffer;

namespace Digibank.Plugins.Host.Tests.Fakes;

/// <summary>Stands in for the API's PartnerSync service: records what the host sends and serves scripted sign-up changes.</summary>
public sealed class FakePartnerSync : PartnerSync.PartnerSyncBase
{
    private readonly Lock _changesLock = new();
    private readonly List<SignUpChangeEvent> _changes = [];

    public ConcurrentQueue<RecordedOfferUpload> OfferUploads { get; } = new();

    /// <summary>Answers every completed snapshot as the API answers one it holds for a coordinator.</summary>
    public bool HoldWithdrawals { get; set; }

    /// <summary>Ends an offer upload with RESOURCE_EXHAUSTED once it holds more offers than this, as the API does at its cap.</summary>
    public int MaxOffersPerUpload { get; set; } = int.MaxValue;

    public ConcurrentQueue<RecordedSignUpUpload> SignUpUploads { get; } = new();

    public ConcurrentQueue<RecordedWatch> Watches { get; } = new();

    public ConcurrentQueue<RecordedReport> Reports { get; } = new();

    public void AddChanges(params SignUpChangeEvent[] changes)
    {
        lock (_changesLock)
            _changes.AddRange(changes);
    }

    public IReadOnlyList<SyncRunReport> ReportsFor(string partnerCode, string? outcome = null) =>
        [.. Reports.Select(report => report.Report).Where(report => report.PartnerCode == partnerCode && (outcome is null || report.Outcome == outcome))];

    public override async Task<OfferUploadSummary> UploadOffers(IAsyncStreamReader<OfferUpload> requestStream, ServerCallContext context)
    {
        UploadHeader? header = null;
        var offers = new List<ProtoCourseOffer>();
        var ended = false;
        try
        {
            await foreach (var message in requestStream.ReadAllAsync(context.CancellationToken))
            {
                switch (message.ItemCase)
                {
                    case OfferUpload.ItemOneofCase.Header:
                        header = message.Header;
                        break;
                    case OfferUpload.ItemOneofCase.Offer:
                        offers.Add(message.Offer);
                        break;
                    case OfferUpload.ItemOneofCase.Batch:
                        offers.AddRange(message.Batch.Offers);
                        break;
                    case OfferUpload.ItemOneofCase.End:
                        ended = true;
                        break;
                }

                if (offers.Count > MaxOffersPerUpload)
                    throw new RpcException(new Status(StatusCode.ResourceExhausted, $"An upload holds at most {MaxOffersPerUpload} offers."));
            }
        }
        catch (Exception)
        {
            OfferUploads.Enqueue(new RecordedOfferUpload(Authorization(context), header, offers, Ended: ended, Aborted: true));
            throw;
        }

        OfferUploads.Enqueue(new RecordedOfferUpload(Authorization(context), header, offers, ended, Aborted: false));
        return HoldWithdrawals && ended
            ? new OfferUploadSummary { Created = offers.Count, WithdrawalHeld = true, WithdrawalsHeld = 40, ActiveBefore = 50, WithdrawalHeldReason = "The snapshot would withdraw 40 of 50 courses; a coordinator confirms it." }
            : new OfferUploadSummary { Created = offers.Count, Withdrawn = ended ? 1 : 0 };
    }

    public override async Task<SignUpUploadSummary> UploadSignUps(IAsyncStreamReader<SignUpUpload> requestStream, ServerCallContext context)
    {
        UploadHeader? header = null;
        var signUps = new List<PartnerSignUp>();
        await foreach (var message in requestStream.ReadAllAsync(context.CancellationToken))
        {
            if (message.ItemCase == SignUpUpload.ItemOneofCase.Header)
                header = message.Header;
            else if (message.ItemCase == SignUpUpload.ItemOneofCase.SignUp)
                signUps.Add(message.SignUp);
        }

        SignUpUploads.Enqueue(new RecordedSignUpUpload(Authorization(context), header, signUps));
        return new SignUpUploadSummary { Created = signUps.Count };
    }

    public override async Task WatchSignUpChanges(WatchSignUpChangesRequest request, IServerStreamWriter<SignUpChangeEvent> responseStream, ServerCallContext context)
    {
        Watches.Enqueue(new RecordedWatch(Authorization(context), request));
        List<SignUpChangeEvent> pending;
        lock (_changesLock)
            pending = [.. _changes.Where(change => change.Cursor > request.AfterCursor).OrderBy(change => change.Cursor)];
        foreach (var change in pending)
            await responseStream.WriteAsync(change, context.CancellationToken);
    }

    public override Task<SyncRunAck> ReportSyncRun(SyncRunReport request, ServerCallContext context)
    {
        Reports.Enqueue(new RecordedReport(Authorization(context), request));
        return Task.FromResult(new SyncRunAck());
    }

    private static string Authorization(ServerCallContext context) => context.RequestHeaders.GetValue("authorization") ?? string.Empty;
}

public sealed record RecordedOfferUpload(string Authorization, UploadHeader? Header, IReadOnlyList<ProtoCourseOffer> Offers, bool Ended, bool Aborted);

public sealed record RecordedSignUpUpload(string Authorization, UploadHeader? Header, IReadOnlyList<PartnerSignUp> SignUps);

public sealed record RecordedWatch(string Authorization, WatchSignUpChangesRequest Request);

public sealed record RecordedReport(string Authorization, SyncRunReport Report);
