using System.Diagnostics;
using Digibank.Partners.V1;
using Grpc.Net.Client;
using Microsoft.Data.Sqlite;
using static Digibank.Bench.ResidentSignUps;

namespace Digibank.Bench;

/// <summary>
/// How long a resident's <c>signUpForCourse</c> takes with nothing else going on, and while a partner's snapshot of
/// 100,000 offers applies through gRPC (100,000 new courses in, the 100,000 of the snapshot before it withdrawn),
/// in one run on 127.0.0.1.
/// </summary>
public static class SnapshotSignUpLatencyBenchmark
{
    private const string SnapshotPartner = "vdab";
    private const string ResidentsPartner = "ligo";
    private const string ResidentCourses = "SNAPSHOT-RESIDENTS-";
    private const int ResidentCourseCount = 20;
    private const int MaxSignUpsPerPhase = 20_000;
    private const double P95GoalMs = 300;
    private const double MaxGoalMs = 1000;
    private static readonly TimeSpan BaselineDuration = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan SnapshotTimeout = TimeSpan.FromMinutes(5);

    public static async Task<int> RunAsync(BenchOptions options, int offerCount)
    {
        var folder = Directory.CreateTempSubdirectory("digibank-snapshot-signups-");
        try
        {
            await using var api = LoopbackApi.Start(Path.Combine(folder.FullName, "api.db"));
            using var channel = GrpcChannel.ForAddress(api.Grpc);
            var partners = new PartnerSync.PartnerSyncClient(channel);
            var snapshotKey = await IngestBenchmark.IssueKeyAsync(api, SnapshotPartner);
            var residentsKey = await IngestBenchmark.IssueKeyAsync(api, ResidentsPartner);
            await IngestBenchmark.UploadOffersAsync(partners, residentsKey, new UploadHeader { PartnerCode = ResidentsPartner, Mode = UploadMode.Delta },
                [.. Enumerable.Range(1, ResidentCourseCount).Select(index => SignUpLatencyBenchmark.Offer($"{ResidentCourses}{index}", 500))]);
            using var http = new HttpClient { BaseAddress = api.Http };
            var residents = await ResidentSignUps.ForAsync(api, http, ResidentCourses);
            Console.WriteLine($"GraphQL on {api.Http}, gRPC on {api.Grpc}; {Workers} residents, snapshots of {offerCount:N0} offers, {options.Rounds} round(s)");

            // Warm-up, not measured: a whole round, so the measured ones run compiled code and each replaces a full snapshot.
            await SnapshotWhileSigningUpAsync(partners, snapshotKey, residents, offerCount, "S0");
            residents.Reset();

            var baseline = new List<double>();
            var during = new List<double>();
            var snapshotSeconds = new List<double>();
            var (failures, baselineFailures) = (0, 0);
            for (var round = 1; round <= options.Rounds; round++)
            {
                var started = residents.Count;
                var stop = Stopwatch.StartNew();
                await residents.SignUpWhileAsync(() => stop.Elapsed < BaselineDuration && residents.Count - started < MaxSignUpsPerPhase, BaselineDuration * 2);
                baseline.AddRange(residents.TakeLatencies());
                baselineFailures += residents.TakeFailures();

                snapshotSeconds.Add(await SnapshotWhileSigningUpAsync(partners, snapshotKey, residents, offerCount, $"S{round}"));
                var measured = residents.TakeLatencies();
                during.AddRange(measured);
                failures += residents.TakeFailures();
                Console.WriteLine($"round {round}: snapshot of {offerCount:N0} with residents {snapshotSeconds[^1]:0.00} s; {measured.Count} resident sign-ups during it, " +
                    $"p50 {Percentile(measured, 50):0} ms, p95 {Percentile(measured, 95):0} ms, max {measured.DefaultIfEmpty().Max():0} ms");
            }

            var (b50, b95, bMax) = (Percentile(baseline, 50), Percentile(baseline, 95), baseline.Max());
            var (d50, d95, dMax) = (Percentile(during, 50), Percentile(during, 95), during.Max());
            var snapshotMedian = snapshotSeconds.Order().ElementAt(snapshotSeconds.Count / 2);
            Console.WriteLine($"no upload:         p50 {b50:0.0} ms, p95 {b95:0.0} ms, max {bMax:0.0} ms ({baseline.Count} sign-ups, {baselineFailures} failed)");
            Console.WriteLine($"during a snapshot: p50 {d50:0.0} ms, p95 {d95:0.0} ms, max {dMax:0.0} ms ({during.Count} sign-ups, {failures} failed)");
            Console.WriteLine($"snapshot of {offerCount:N0} offers (median): {snapshotMedian:0.00} s with residents signing up");
            if (options.Record)
            {
                var p95Met = d95 <= P95GoalMs && failures == 0;
                var maxMet = dMax <= MaxGoalMs && failures == 0;
                BenchmarkReport.Record("signups-snapshot", $"""
                    | resident `signUpForCourse` ({Workers} residents, {Ms(Pause.TotalMilliseconds)} between sign-ups, {options.Rounds} round(s)) | sign-ups | p50 | p95 | max |
                    | --- | ---: | ---: | ---: | ---: |
                    | no upload running | {baseline.Count} ({baselineFailures} failed) | {Ms(b50)} | {Ms(b95)} | {Ms(bMax)} |
                    | while a partner's snapshot of {offerCount:N0} offers applies (`UploadOffers`: {offerCount:N0} created, {offerCount:N0} withdrawn) | {during.Count} ({failures} failed) | {Ms(d50)} | {Ms(d95)} | {Ms(dMax)} |
                    | **during the snapshot** | | | **{Ms(d95)}** (goal: at most 300 ms, none failed: {Met(p95Met)}) | **{Ms(dMax)}** (goal: at most 1 s: {Met(maxMet)}) |

                    The snapshot itself (median, from its first message to its summary, with the residents signing up): {Seconds(snapshotMedian)}.
                    """, heading: "Residents' sign-ups during a partner's offer snapshot");
            }

            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>One snapshot of new offers, replacing the one before it, while the residents sign up; its duration in seconds.</summary>
    private static async Task<double> SnapshotWhileSigningUpAsync(PartnerSync.PartnerSyncClient partners, string key, ResidentSignUps residents, int offerCount, string prefix)
    {
        var offers = IngestBenchmark.MakeOffers(offerCount, prefix);
        var clock = Stopwatch.StartNew();
        var header = new UploadHeader { PartnerCode = SnapshotPartner, Mode = UploadMode.Snapshot, AllowMassWithdrawal = true };
        var snapshot = IngestBenchmark.UploadOffersAsync(partners, key, header, offers);
        var started = residents.Count;
        await residents.SignUpWhileAsync(() => !snapshot.IsCompleted && residents.Count - started < MaxSignUpsPerPhase, SnapshotTimeout);
        var summary = await snapshot;
        var seconds = clock.Elapsed.TotalSeconds;
        if (summary.Created != offerCount || (prefix != "S0" && summary.Withdrawn != offerCount) || summary.WithdrawalHeld)
        {
            throw new InvalidOperationException($"The snapshot {prefix} created {summary.Created} and withdrew {summary.Withdrawn} of {offerCount}: {summary.Rejected.FirstOrDefault()?.Reason}");
        }

        return seconds;
    }

    private static string Met(bool met) => met ? "met" : "not met";
}
