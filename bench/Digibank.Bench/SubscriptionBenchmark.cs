using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Digibank.Bench;

/// <summary>
/// 1,000 WebSocket subscribers on 127.0.0.1: the time from a committed sign-up to the last subscriber's
/// <c>next</c>, against a raw WebSocket broadcast of the same bytes to as many clients, in one run. The commit's
/// moment comes from EF Core's own diagnostics; the time from sending the mutation is reported beside it.
/// </summary>
public static class SubscriptionBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options, int subscribers, int events)
    {
        if (options.AcrossInstances)
        {
            return await RunAcrossInstancesAsync(options, subscribers, events);
        }

        var folder = Directory.CreateTempSubdirectory("digibank-subscriptions-");
        try
        {
            await using var api = LoopbackApi.Start(Path.Combine(folder.FullName, "api.db"));
            using var http = new HttpClient { BaseAddress = api.Http };
            var (courseId, townId) = await CourseAndTownAsync(http);
            Console.WriteLine($"{subscribers} subscribers, {events} events per path, on {api.Http}");

            var (graphQL, fromRequest, sample) = await MeasureGraphQLAsync(api, http, courseId, townId, subscribers, events, "bench");

            await using var raw = await RawBroadcastServer.StartAsync();
            var rawClients = await WebSocketSubscribers.ConnectAsync(raw.Address, subscribers, null, events);
            var bytes = Encoding.UTF8.GetBytes(sample!);
            var baseline = new List<double>();
            for (var index = 0; index < events + 3; index++)
            {
                var latency = await rawClients.MeasureAsync(index, () => raw.BroadcastAsync(bytes));
                if (index >= 3)
                {
                    baseline.Add(latency);
                }
            }

            await rawClients.DisposeAsync();

            var (g50, g95, g99) = (Percentile(graphQL, 50), Percentile(graphQL, 95), Percentile(graphQL, 99));
            var (r50, r95, r99) = (Percentile(baseline, 50), Percentile(baseline, 95), Percentile(baseline, 99));
            var (q50, q95, q99) = (Percentile(fromRequest, 50), Percentile(fromRequest, 95), Percentile(fromRequest, 99));
            var ratio = g95 / r95;
            Console.WriteLine($"GraphQL subscription: p50 {g50:0.0} ms, p95 {g95:0.0} ms, p99 {g99:0.0} ms (from the commit)");
            Console.WriteLine($"  with the mutation:  p50 {q50:0.0} ms, p95 {q95:0.0} ms, p99 {q99:0.0} ms (from sending the sign-up)");
            Console.WriteLine($"raw broadcast:        p50 {r50:0.0} ms, p95 {r95:0.0} ms, p99 {r99:0.0} ms");
            Console.WriteLine($"p95 ratio {ratio:0.00}x (goal: within 1.5x and at most 50 ms)");
            var peakRss = CatalogueBenchmark.PeakRssMegabytes();
            Console.WriteLine($"peak RSS of the process (API and its {subscribers:N0} client sockets): {peakRss:0} MB");
            if (options.Record)
            {
                var met = ratio <= 1.5 && g95 <= 50;
                BenchmarkReport.Record("subscriptions", $"""
                    | path ({subscribers:N0} subscribers, {events} events, latency to the last subscriber) | p50 | p95 | p99 |
                    | --- | ---: | ---: | ---: |
                    | sign-up committed → `next` of `signUpChanged` on every graphql-transport-ws socket | {Ms(g50)} | {Ms(g95)} | {Ms(g99)} |
                    | the same from sending the sign-up mutation (its own request and transaction included) | {Ms(q50)} | {Ms(q95)} | {Ms(q99)} |
                    | raw WebSocket broadcast of the same bytes | {Ms(r50)} | {Ms(r95)} | {Ms(r99)} |
                    | **p95 ratio GraphQL / raw** | | **{ratio.ToString("0.00", CultureInfo.InvariantCulture)}×** | goal: within 1.5× and at most 50 ms: {(met ? "met" : "not met")} |

                    Peak RSS of the process, the API with the {subscribers:N0} client sockets of both runs in it: {peakRss.ToString("0", CultureInfo.InvariantCulture)} MB.
                    """);
            }

            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Two API instances on one PostgreSQL database with Redis between them: 1,000 subscribers on instance B and the
    /// sign-ups on instance A, against the same with the subscribers on A, in one run.
    /// </summary>
    private static async Task<int> RunAcrossInstancesAsync(BenchOptions options, int subscribers, int events)
    {
        if (options.PostgreSql is null)
        {
            Console.Error.WriteLine("--across-instances needs --postgresql \"<connection string of a role that may create databases>\".");
            return 2;
        }

        await using var store = await BenchStore.CreateAsync(options);
        using var redis = new Digibank.Api.Testing.RedisServer();
        var settings = new Dictionary<string, string> { ["Redis:Configuration"] = redis.Configuration };
        await using var first = LoopbackApi.Start(store, settings);
        await using var second = LoopbackApi.Start(store, settings);
        using var http = new HttpClient { BaseAddress = first.Http };
        var (courseId, townId) = await CourseAndTownAsync(http);
        Console.WriteLine($"{subscribers} subscribers, {events} events per path; sign-ups on {first.Http}, subscribers on it and on {second.Http}; Redis on {redis.Configuration}");

        var (single, _, _) = await MeasureGraphQLAsync(first, http, courseId, townId, subscribers, events, "one");
        var (across, _, _) = await MeasureGraphQLAsync(second, http, courseId, townId, subscribers, events, "two");

        var (s50, s95, s99) = (Percentile(single, 50), Percentile(single, 95), Percentile(single, 99));
        var (a50, a95, a99) = (Percentile(across, 50), Percentile(across, 95), Percentile(across, 99));
        var ratio = a95 / s95;
        Console.WriteLine($"subscribers on the committing instance: p50 {s50:0.0} ms, p95 {s95:0.0} ms, p99 {s99:0.0} ms (from the commit)");
        Console.WriteLine($"subscribers on the other instance:      p50 {a50:0.0} ms, p95 {a95:0.0} ms, p99 {a99:0.0} ms (from the commit)");
        Console.WriteLine($"p95 ratio {ratio:0.00}x (goal: within 1.5x of one instance)");
        if (options.Record)
        {
            BenchmarkReport.Record("subscriptions-across-instances", $"""
                | path ({subscribers:N0} subscribers, {events} events, PostgreSQL, latency from the sign-up's commit to the last subscriber) | p50 | p95 | p99 |
                | --- | ---: | ---: | ---: |
                | subscribers on instance A, the instance that commits | {Ms(s50)} | {Ms(s95)} | {Ms(s99)} |
                | subscribers on instance B, the event relayed through Redis | {Ms(a50)} | {Ms(a95)} | {Ms(a99)} |
                | **p95 ratio B / A** | | **{ratio.ToString("0.00", CultureInfo.InvariantCulture)}×** | goal: within 1.5×: {(ratio <= 1.5 ? "met" : "not met")} |
                """);
        }

        return 0;
    }

    /// <summary>Subscribers on <paramref name="subscribeTo"/>, sign-ups through <paramref name="http"/>: latencies from the commit and from the request.</summary>
    private static async Task<(List<double> FromCommit, List<double> FromRequest, string Sample)> MeasureGraphQLAsync(
        LoopbackApi subscribeTo, HttpClient http, string courseId, string townId, int subscribers, int events, string run)
    {
        var clients = await WebSocketSubscribers.ConnectAsync(new Uri($"ws://{subscribeTo.Http.Authority}/graphql"), subscribers, "graphql-transport-ws", events);
        var fromCommit = new List<double>();
        var fromRequest = new List<double>();
        string? sample = null;
        using var commits = new CommitClock();
        for (var index = 0; index < events + 3; index++)
        {
            var start = Stopwatch.GetTimestamp();
            var latency = await clients.MeasureAsync(index, () => SignUpAsync(http, courseId, townId, $"{run}{index}"));
            sample ??= clients.LastMessage;
            if (index >= 3)
            {
                fromRequest.Add(latency);
                fromCommit.Add(latency - Stopwatch.GetElapsedTime(start, commits.FirstCommitAfter(start)).TotalMilliseconds);
            }
        }

        await clients.DisposeAsync();
        return (fromCommit, fromRequest, sample!);
    }

    private static string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
    }

    private static async Task<(string Course, string Town)> CourseAndTownAsync(HttpClient http)
    {
        var response = await http.PostAsJsonAsync("/graphql", new { query = "{ courses(first: 1, where: { status: { eq: SCHEDULED } }) { nodes { id } } municipalities(first: 1) { nodes { id } } }" });
        var data = (await response.Content.ReadFromJsonAsync<JsonObject>())!["data"]!;
        return ((string)data["courses"]!["nodes"]![0]!["id"]!, (string)data["municipalities"]!["nodes"]![0]!["id"]!);
    }

    private static async Task SignUpAsync(HttpClient http, string courseId, string townId, string person)
    {
        using var response = await http.PostAsJsonAsync("/graphql", new
        {
            query = "mutation ($input: SignUpForCourseInput!) { signUpForCourse(input: $input) { errors { ... on Error { code } } } }",
            variables = new { input = new { courseId, firstName = "Bench", email = $"bench-{person}@example.com", municipalityId = townId, targetGroup = "EVERYONE", consent = true } },
        });
        response.EnsureSuccessStatusCode();
    }
}
