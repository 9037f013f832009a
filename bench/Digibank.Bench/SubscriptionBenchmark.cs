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

        var runs = new List<RunFigures>();
        for (var run = 1; run <= options.Runs; run++)
        {
            var figures = await MeasureOnceAsync(subscribers, events);
            runs.Add(figures);
            Console.WriteLine($"run {run} of {options.Runs}:");
            Console.WriteLine($"  GraphQL subscription: p50 {figures.G50:0.0} ms, p95 {figures.G95:0.0} ms, p99 {figures.G99:0.0} ms (from the commit)");
            Console.WriteLine($"    with the mutation:  p50 {figures.Q50:0.0} ms, p95 {figures.Q95:0.0} ms, p99 {figures.Q99:0.0} ms (from sending the sign-up)");
            Console.WriteLine($"  raw broadcast:        p50 {figures.R50:0.0} ms, p95 {figures.R95:0.0} ms, p99 {figures.R99:0.0} ms");
            Console.WriteLine($"  p95 ratio {figures.Ratio:0.00}x (goal: within 1.5x and at most 50 ms: {(figures.Met ? "met" : "not met")})");
        }

        var peakRss = CatalogueBenchmark.PeakRssMegabytes();
        var metIn = runs.Count(figures => figures.Met);
        Console.WriteLine($"goal met in {metIn} of {runs.Count} runs; peak RSS of the process (API and its {subscribers:N0} client sockets): {peakRss:0} MB");
        if (options.Record)
        {
            BenchmarkReport.Record("subscriptions", Report(runs, subscribers, events, peakRss));
        }

        return 0;
    }

    private static string Report(List<RunFigures> runs, int subscribers, int events, double peakRss)
    {
        static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + "×";
        var rows = runs.Select((figures, index) =>
            $"| {index + 1} | {Ms(figures.G50)} | **{Ms(figures.G95)}** | {Ms(figures.G99)} | {Ms(figures.Q95)} | {Ms(figures.R50)} | {Ms(figures.R95)} | **{Ratio(figures.Ratio)}** | {(figures.Met ? "met" : "not met")} |");
        return $"""
            Latency to the last of {subscribers:N0} subscribers, {events} events a run: from a sign-up's commit to the `next` of
            `signUpChanged` on every graphql-transport-ws socket, against a raw WebSocket broadcast of the same bytes to as
            many clients in the same run. "With the mutation" counts from sending the sign-up (its request and transaction included).

            | run | GraphQL p50 | GraphQL p95 | GraphQL p99 | p95 with the mutation | raw p50 | raw p95 | p95 ratio | goal: within 1.5× and at most 50 ms |
            | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |
            {string.Join("\n", rows)}

            **Goal met in {runs.Count(figures => figures.Met)} of {runs.Count} runs.** Peak RSS of the process, the API with the client sockets in it: {peakRss.ToString("0", CultureInfo.InvariantCulture)} MB.
            """;
    }

    /// <summary>One run: a fresh API with its subscribers, then a raw broadcast server with as many clients.</summary>
    private static async Task<RunFigures> MeasureOnceAsync(int subscribers, int events)
    {
        var folder = Directory.CreateTempSubdirectory("digibank-subscriptions-");
        try
        {
            // The API stays up, idle, while the raw broadcast is measured, as it always has.
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
            return new RunFigures(
                Percentile(graphQL, 50), Percentile(graphQL, 95), Percentile(graphQL, 99),
                Percentile(fromRequest, 50), Percentile(fromRequest, 95), Percentile(fromRequest, 99),
                Percentile(baseline, 50), Percentile(baseline, 95), Percentile(baseline, 99));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private sealed record RunFigures(double G50, double G95, double G99, double Q50, double Q95, double Q99, double R50, double R95, double R99)
    {
        public double Ratio => G95 / R95;

        public bool Met => Ratio <= 1.5 && G95 <= 50;
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
