using System.Diagnostics;
using Digibank.Api.Data;
using Digibank.Api.Partners;
using Digibank.Partners.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static Digibank.Bench.ResidentSignUps;

namespace Digibank.Bench;

/// <summary>
/// How long a resident's <c>signUpForCourse</c> takes with nothing else going on, and while a partner
/// uploads 4,000 sign-ups through gRPC, in one run on 127.0.0.1.
/// </summary>
public static class SignUpLatencyBenchmark
{
    internal const string Partner = "vdab";
    private const int ResidentCourses = 20;
    private static readonly TimeSpan BaselineDuration = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan UploadTimeout = TimeSpan.FromMinutes(2);
    private const int MaxSignUpsPerPhase = 5_000;

    public static async Task<int> RunAsync(BenchOptions options, int uploadSize)
    {
        var folder = Directory.CreateTempSubdirectory("digibank-signups-");
        try
        {
            await using var api = LoopbackApi.Start(Path.Combine(folder.FullName, "api.db"));
            var key = await IssueKeyAsync(api);
            using var channel = GrpcChannel.ForAddress(api.Grpc);
            var partner = new PartnerSync.PartnerSyncClient(channel);
            var headers = new Metadata { { "authorization", $"Bearer {key}" } };
            await UploadOffersAsync(partner, headers, [
                .. Enumerable.Range(0, options.Rounds + 1).Select(round => Offer($"LATENCY-UPLOAD-{round}", 25)),
                .. Enumerable.Range(1, options.Rounds).Select(round => Offer($"LATENCY-ALONE-{round}", 25)),
                .. Enumerable.Range(1, ResidentCourses).Select(index => Offer($"LATENCY-RESIDENTS-{index}", 500)),
            ]);
            using var http = new HttpClient { BaseAddress = api.Http };
            var residents = await ResidentSignUps.ForAsync(api, http, "LATENCY-RESIDENTS-");
            Console.WriteLine($"GraphQL on {api.Http}, gRPC on {api.Grpc}; {ResidentSignUps.Workers} residents, {uploadSize:N0} sign-ups per upload, {options.Rounds} round(s)");

            // Warm-up, not measured: a whole round, so the measured ones run compiled code on a warm database.
            var warmUp = UploadSignUpsAsync(partner, headers, "LATENCY-UPLOAD-0", "WARM", uploadSize);
            await residents.SignUpWhileAsync(() => !warmUp.IsCompleted, UploadTimeout);
            await warmUp;
            residents.Reset();

            var rounds = await MeasureRoundsAsync(options, uploadSize, partner, headers, residents);
            Report(options, uploadSize, rounds);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Each round: residents sign up with nothing else going on, a partner uploads alone, then both at once.</summary>
    private static async Task<Rounds> MeasureRoundsAsync(BenchOptions options, int uploadSize, PartnerSync.PartnerSyncClient partner, Metadata headers, ResidentSignUps residents)
    {
        var baseline = new List<double>();
        var during = new List<double>();
        var uploadSeconds = new List<double>();
        var aloneSeconds = new List<double>();
        var failures = 0;
        var baselineFailures = 0;
        for (var round = 1; round <= options.Rounds; round++)
        {
            var started = residents.Count;
            var stop = Stopwatch.StartNew();
            await residents.SignUpWhileAsync(() => stop.Elapsed < BaselineDuration && residents.Count - started < MaxSignUpsPerPhase, BaselineDuration * 2);
            baseline.AddRange(residents.TakeLatencies());
            baselineFailures += residents.TakeFailures();

            var clock = Stopwatch.StartNew();
            await UploadSignUpsAsync(partner, headers, $"LATENCY-ALONE-{round}", $"A{round}", uploadSize);
            aloneSeconds.Add(clock.Elapsed.TotalSeconds);

            clock.Restart();
            var upload = UploadSignUpsAsync(partner, headers, $"LATENCY-UPLOAD-{round}", $"R{round}", uploadSize);
            started = residents.Count;
            await residents.SignUpWhileAsync(() => !upload.IsCompleted && residents.Count - started < MaxSignUpsPerPhase, UploadTimeout);
            await upload;
            uploadSeconds.Add(clock.Elapsed.TotalSeconds);
            var measured = residents.TakeLatencies();
            during.AddRange(measured);
            failures += residents.TakeFailures();
            Console.WriteLine($"round {round}: upload of {uploadSize:N0} alone {aloneSeconds[^1]:0.00} s, with residents {uploadSeconds[^1]:0.00} s; {measured.Count} resident sign-ups during it, " +
                $"p95 {Percentile(measured, 95):0} ms, max {measured.DefaultIfEmpty().Max():0} ms");
        }

        return new Rounds(baseline, baselineFailures, during, failures, uploadSeconds, aloneSeconds);
    }

    private static void Report(BenchOptions options, int uploadSize, Rounds rounds)
    {
        var (baseline, baselineFailures, during, failures, uploadSeconds, aloneSeconds) = rounds;
        var (b50, b95, bMax) = (Percentile(baseline, 50), Percentile(baseline, 95), baseline.Max());
        var (d50, d95, dMax) = (Percentile(during, 50), Percentile(during, 95), during.Max());
        var uploadMedian = uploadSeconds.Order().ElementAt(uploadSeconds.Count / 2);
        var aloneMedian = aloneSeconds.Order().ElementAt(aloneSeconds.Count / 2);
        Console.WriteLine($"no upload:        p50 {b50:0.0} ms, p95 {b95:0.0} ms, max {bMax:0.0} ms ({baseline.Count} sign-ups, {baselineFailures} failed)");
        Console.WriteLine($"during an upload: p50 {d50:0.0} ms, p95 {d95:0.0} ms, max {dMax:0.0} ms ({during.Count} sign-ups, {failures} failed)");
        Console.WriteLine($"upload of {uploadSize:N0} sign-ups (median): alone {aloneMedian:0.00} s, with residents signing up {uploadMedian:0.00} s");
        if (options.Record)
        {
            var met = d95 < 300 && failures == 0;
            BenchmarkReport.Record("signups", $"""
                | resident `signUpForCourse` ({ResidentSignUps.Workers} residents, {Ms(ResidentSignUps.Pause.TotalMilliseconds)} between sign-ups, {options.Rounds} round(s)) | sign-ups | p50 | p95 | max |
                | --- | ---: | ---: | ---: | ---: |
                | no upload running | {baseline.Count} ({baselineFailures} failed) | {Ms(b50)} | {Ms(b95)} | {Ms(bMax)} |
                | while a partner uploads {uploadSize:N0} sign-ups (`UploadSignUps`) | {during.Count} ({failures} failed) | {Ms(d50)} | {Ms(d95)} | {Ms(dMax)} |
                | **p95 during the upload** | | | **{Ms(d95)}** | goal: under 300 ms, none failed: {(met ? "met" : "not met")} |

                The upload itself (median): {Seconds(aloneMedian)} alone, {Seconds(uploadMedian)} with the residents' sign-ups going in between its batches.
                """);
        }
    }

    /// <summary>What the rounds measured: resident sign-ups without and during an upload (latencies in ms, failures), and the uploads in seconds.</summary>
    private sealed record Rounds(List<double> Baseline, int BaselineFailures, List<double> During, int Failures, List<double> UploadSeconds, List<double> AloneSeconds);

    internal static async Task<string> IssueKeyAsync(LoopbackApi api)
    {
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<DigibankDbContext>>().CreateDbContextAsync();
        return await PartnerKeys.IssueAsync(db, Partner, "sign-up latency benchmark", DateTime.UtcNow, CancellationToken.None);
    }

    internal static CourseOffer Offer(string externalId, int capacity)
    {
        var start = DateTime.UtcNow.Date.AddDays(30);
        return new CourseOffer
        {
            ExternalId = externalId,
            Title = "Digitale basisvaardigheden",
            Summary = "Je leert werken met je smartphone, e-mail en de apps van de overheid.",
            Topics = { "smartphone-basics" },
            TargetGroups = { "SENIORS" },
            Level = "BEGINNER",
            Language = "PLAIN_DUTCH",
            HelpPointName = "Bibliotheek Poperinge",
            Capacity = capacity,
            SignUpDeadline = Timestamp.FromDateTime(start.AddDays(-2)),
            Sessions = { new SessionOffer { StartsAt = Timestamp.FromDateTime(start), EndsAt = Timestamp.FromDateTime(start.AddHours(2)), Room = "Zaal 1" } },
        };
    }

    internal static async Task UploadOffersAsync(PartnerSync.PartnerSyncClient partner, Metadata headers, List<CourseOffer> offers)
    {
        using var call = partner.UploadOffers(headers, deadline: DateTime.UtcNow.Add(UploadTimeout));
        await call.RequestStream.WriteAsync(new OfferUpload { Header = new UploadHeader { PartnerCode = Partner, Mode = UploadMode.Delta } });
        await call.RequestStream.WriteAsync(new OfferUpload { Batch = new OfferBatch { Offers = { offers } } });
        await call.RequestStream.WriteAsync(new OfferUpload { End = new UploadEnd() });
        await call.RequestStream.CompleteAsync();
        var summary = await call.ResponseAsync;
        if (summary.Created != offers.Count)
        {
            throw new InvalidOperationException($"The offers upload created {summary.Created} of {offers.Count}: {summary.Rejected.FirstOrDefault()?.Reason}");
        }
    }

    internal static async Task UploadSignUpsAsync(PartnerSync.PartnerSyncClient partner, Metadata headers, string course, string prefix, int count)
    {
        using var call = partner.UploadSignUps(headers, deadline: DateTime.UtcNow.Add(UploadTimeout));
        await call.RequestStream.WriteAsync(new SignUpUpload { Header = new UploadHeader { PartnerCode = Partner } });
        for (var index = 1; index <= count; index++)
        {
            await call.RequestStream.WriteAsync(new SignUpUpload
            {
                SignUp = new PartnerSignUp
                {
                    ExternalId = $"{prefix}-{index}",
                    CourseExternalId = course,
                    FirstName = "Deelnemer",
                    Email = $"{prefix.ToLowerInvariant()}-{index}@partner.example.com",
                    Municipality = "Poperinge",
                    TargetGroup = "SENIORS",
                },
            });
        }

        await call.RequestStream.CompleteAsync();
        var summary = await call.ResponseAsync;
        if (summary.Created != count)
        {
            throw new InvalidOperationException($"The sign-up upload created {summary.Created} of {count}: {summary.Rejected.FirstOrDefault()?.Reason}");
        }
    }
}
