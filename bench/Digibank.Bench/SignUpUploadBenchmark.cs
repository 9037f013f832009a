using System.Diagnostics;
using System.Globalization;
using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.Data.RowSecurity;
using Digibank.Api.Regions;
using Digibank.Partners.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Bench;

/// <summary>
/// A partner's upload of 4,000 sign-ups for one course of 25 seats, in one <c>UploadSignUps</c> call over h2c on
/// 127.0.0.1: the seats fill, then everyone else queues on the waiting list in order. Against an upload of 400 in the
/// same run, so the time per sign-up shows whether the upload stays linear as the waiting list grows.
/// </summary>
public static class SignUpUploadBenchmark
{
    private const int Seats = 25;
    private const int Baseline = 400;

    public static async Task<int> RunAsync(BenchOptions options, int uploadSize)
    {
        var folder = Directory.CreateTempSubdirectory("digibank-signups-upload-");
        try
        {
            await using var api = LoopbackApi.Start(Path.Combine(folder.FullName, "api.db"));
            var key = await SignUpLatencyBenchmark.IssueKeyAsync(api);
            using var channel = GrpcChannel.ForAddress(api.Grpc);
            var partner = new PartnerSync.PartnerSyncClient(channel);
            var headers = new Metadata { { "authorization", $"Bearer {key}" } };
            await SignUpLatencyBenchmark.UploadOffersAsync(partner, headers, [
                .. Enumerable.Range(0, options.Rounds + 1).SelectMany(round => new[]
                {
                    SignUpLatencyBenchmark.Offer(CourseOf(round, uploadSize), Seats),
                    SignUpLatencyBenchmark.Offer(CourseOf(round, Baseline), Seats),
                }),
            ]);
            Console.WriteLine($"gRPC on {api.Grpc}; {uploadSize:N0} and {Baseline:N0} sign-ups per upload, one course of {Seats} seats each, {options.Rounds} round(s)");

            // Warm-up, not measured: a whole round, so the measured ones run compiled code on a warm database.
            await TimeUploadAsync(0, Baseline);
            await TimeUploadAsync(0, uploadSize);

            var large = new List<double>();
            var small = new List<double>();
            for (var round = 1; round <= options.Rounds; round++)
            {
                // The database grows with every upload: the two take turns going first.
                if (round % 2 == 1)
                {
                    small.Add(await TimeUploadAsync(round, Baseline));
                    large.Add(await TimeUploadAsync(round, uploadSize));
                }
                else
                {
                    large.Add(await TimeUploadAsync(round, uploadSize));
                    small.Add(await TimeUploadAsync(round, Baseline));
                }

                await CheckQueuedInOrderAsync(api, CourseOf(round, uploadSize), uploadSize);
                Console.WriteLine($"round {round}: {uploadSize:N0} sign-ups {large[^1]:0.00} s, {Baseline:N0} sign-ups {small[^1]:0.00} s");
            }

            var (largeMedian, smallMedian) = (Median(large), Median(small));
            var perSignUpRatio = largeMedian / uploadSize / (smallMedian / Baseline);
            Console.WriteLine($"median: {uploadSize:N0} sign-ups {largeMedian:0.00} s ({uploadSize / largeMedian:0} per second), {Baseline:N0} sign-ups {smallMedian:0.00} s; time per sign-up {perSignUpRatio:0.00}x the smaller upload's");
            if (options.Record)
            {
                BenchmarkReport.Record("signups-upload", $"""
                    | one `UploadSignUps` call for one course of {Seats} seats (median of {options.Rounds} round(s)) | time | sign-ups per second | time per sign-up against the {Baseline:N0} |
                    | --- | ---: | ---: | ---: |
                    | {Baseline:N0} sign-ups (the baseline) | {ResidentSignUps.Seconds(smallMedian)} | {(Baseline / smallMedian).ToString("0", CultureInfo.InvariantCulture)} | 1.00× |
                    | **{uploadSize:N0} sign-ups** | **{ResidentSignUps.Seconds(largeMedian)}** (goal: under 10 s: {(largeMedian < 10 ? "met" : "not met")}) | {(uploadSize / largeMedian).ToString("0", CultureInfo.InvariantCulture)} | {perSignUpRatio.ToString("0.00", CultureInfo.InvariantCulture)}× |
                    """);
            }

            return 0;

            async Task<double> TimeUploadAsync(int round, int count)
            {
                var clock = Stopwatch.StartNew();
                await SignUpLatencyBenchmark.UploadSignUpsAsync(partner, headers, CourseOf(round, count), $"U{round}-{count}", count);
                return clock.Elapsed.TotalSeconds;
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static string CourseOf(int round, int uploadSize) => $"UPLOAD-{uploadSize}-{round}";

    /// <summary>What the test suite checks of the same upload, so the benchmark times an upload that did its work.</summary>
    private static async Task CheckQueuedInOrderAsync(LoopbackApi api, string course, int uploadSize)
    {
        // The demo region's course: read as that region's work (row-level security on PostgreSQL).
        using var scope = RegionScope.For(Region.FirstRegionId);
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<DigibankDbContext>>().CreateDbContextAsync();
        var signUps = await db.SignUps.Where(s => s.Course!.ExternalId == course).OrderBy(s => s.Id).Select(s => new { s.Status, s.WaitlistPosition }).ToListAsync();
        var seated = signUps.Take(Seats).All(s => s.Status == SignUpStatus.Confirmed);
        var queued = signUps.Skip(Seats).Select(s => s.Status == SignUpStatus.Waitlisted ? s.WaitlistPosition ?? 0 : 0).SequenceEqual(Enumerable.Range(1, uploadSize - Seats));
        if (signUps.Count != uploadSize || !seated || !queued)
        {
            throw new InvalidOperationException($"The upload to {course} left {signUps.Count} sign-ups, not {Seats} seats and a waiting list of {uploadSize - Seats} in order.");
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
