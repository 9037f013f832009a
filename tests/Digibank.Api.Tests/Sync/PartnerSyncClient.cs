using Digibank.Api.Partners;
using Digibank.Api.Tests.GraphQL.Transport;
using Digibank.Partners.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;

namespace Digibank.Api.Tests.Sync;

/// <summary>A partner system talking gRPC to the test server with its own key.</summary>
public sealed class PartnerSyncClient(DigibankApiFactory api, string partnerCode, string? key)
{
    public string PartnerCode { get; } = partnerCode;

    // An API on Kestrel is reached over a real HTTP/2 connection; otherwise through the test server's handler.
    public GrpcChannel Channel { get; } = api is LoopbackApiFactory loopback
        ? GrpcChannel.ForAddress(loopback.GrpcAddress)
        : GrpcChannel.ForAddress(api.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = api.Server.CreateHandler() });

    public PartnerSync.PartnerSyncClient Sync => new(Channel);

    public Metadata Headers => key is null ? [] : new Metadata { { "authorization", $"Bearer {key}" } };

    public static async Task<PartnerSyncClient> ForAsync(DigibankApiFactory api, string partnerCode)
    {
        await using var db = api.CreateDbContext();
        db.ChangeTracker.QueryTrackingBehavior = Microsoft.EntityFrameworkCore.QueryTrackingBehavior.TrackAll;
        var key = await PartnerKeys.IssueAsync(db, partnerCode, $"tests {Guid.NewGuid():N}", api.Clock.GetUtcNow().UtcDateTime, CancellationToken.None);
        return new PartnerSyncClient(api, partnerCode, key);
    }

    public async Task<OfferUploadSummary> UploadAsync(
        IEnumerable<CourseOffer> offers,
        UploadMode mode = UploadMode.Snapshot,
        IEnumerable<string>? removals = null,
        bool end = true,
        string? asPartner = null,
        bool allowMassWithdrawal = false,
        int batchSize = 0,
        CancellationToken cancellationToken = default)
    {
        using var call = Sync.UploadOffers(Headers, cancellationToken: cancellationToken);
        IEnumerable<OfferUpload> messages =
        [
            new OfferUpload { Header = new UploadHeader { PartnerCode = asPartner ?? PartnerCode, Mode = mode, AllowMassWithdrawal = allowMassWithdrawal } },
            .. batchSize > 0
                ? offers.Chunk(batchSize).Select(batch => new OfferUpload { Batch = new OfferBatch { Offers = { batch } } })
                : offers.Select(offer => new OfferUpload { Offer = offer }),
            .. (removals ?? []).Select(removal => new OfferUpload { Removal = new OfferRemoval { ExternalId = removal } }),
            .. end ? [new OfferUpload { End = new UploadEnd() }] : Array.Empty<OfferUpload>(),
        ];
        return await SendAsync(call, messages);
    }

    /// <summary>Writes a client stream; when the server ends the call early, its own status is what the caller sees.</summary>
    private static async Task<TResponse> SendAsync<TRequest, TResponse>(AsyncClientStreamingCall<TRequest, TResponse> call, IEnumerable<TRequest> messages)
    {
        try
        {
            foreach (var message in messages)
            {
                await call.RequestStream.WriteAsync(message);
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The server ended the call while the client was still writing. The write fails with the client's
            // own view (often CANCELLED) before the server's status has arrived; the response carries the latter.
        }
        catch (InvalidOperationException)
        {
            // The call completed while writing; its status follows from the response.
        }

        return await call.ResponseAsync;
    }

    public async Task<SignUpUploadSummary> UploadSignUpsAsync(params PartnerSignUp[] signUps)
    {
        using var call = Sync.UploadSignUps(Headers);
        return await SendAsync(call, [new SignUpUpload { Header = new UploadHeader { PartnerCode = PartnerCode } }, .. signUps.Select(signUp => new SignUpUpload { SignUp = signUp })]);
    }

    public async Task<List<SignUpChangeEvent>> ChangesAsync(long afterCursor = 0, string? asPartner = null)
    {
        using var call = Sync.WatchSignUpChanges(new WatchSignUpChangesRequest { PartnerCode = asPartner ?? PartnerCode, AfterCursor = afterCursor }, Headers);
        var changes = new List<SignUpChangeEvent>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            changes.Add(call.ResponseStream.Current);
        }

        return changes;
    }

    public static CourseOffer Offer(string externalId, string title = "Aan de slag met je tablet", int capacity = 10, string helpPoint = "Bibliotheek Poperinge", DateTime? startsAt = null)
    {
        var start = startsAt ?? DigibankApiFactory.Now.UtcDateTime.AddDays(20);
        return new CourseOffer
        {
            ExternalId = externalId,
            Title = title,
            Summary = "Je leert je tablet gebruiken.",
            Topics = { "smartphone-basics" },
            TargetGroups = { "SENIORS" },
            Level = "BEGINNER",
            Language = "PLAIN_DUTCH",
            HelpPointName = helpPoint,
            Capacity = capacity,
            SignUpDeadline = Timestamp.FromDateTime(start.AddDays(-2)),
            Sessions = { new SessionOffer { StartsAt = Timestamp.FromDateTime(start), EndsAt = Timestamp.FromDateTime(start.AddHours(2)), Room = "Zaal 1" } },
        };
    }
}
