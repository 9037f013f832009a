using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Digibank.Api.Tests.Finder;

namespace Digibank.Bench;

/// <summary>
/// `helpFor` on the demo region under 100 concurrent clients on 127.0.0.1 (Kestrel), each asking one of a set of
/// residents' questions after the other: latency per request (p50, p95), against a plain `courses(first: 20)` page
/// under the same load in the same run.
/// </summary>
public static class HelpForBenchmark
{
    private const int Clients = 100;

    /// <summary>helpFor needs no database: it answers at least as many questions a second as the plain catalogue page.</summary>
    private const double RatioGoal = 1.0;

    private const int P95GoalMs = 20;

    private static readonly string[] Questions = ResidentQuestions.Benchmark;

    private const string HelpFor = "query ($q: String!) { helpFor(question: $q) { topics { topic { code } score } courses(first: 5) { nodes { id title startsAt } } helpPoints { name nextOpenAt } homeHelp explanation } }";

    private const string Courses = "{ courses(first: 20) { nodes { id title startsAt partner { id name } location { name street municipality { name } } } } }";

    public static async Task<int> RunAsync(BenchOptions options)
    {
        await using var store = await BenchStore.CreateAsync(options);
        await using var api = LoopbackApi.Start(store);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients }) { BaseAddress = api.Http };
        Console.WriteLine($"API on {api.Http} with {store.Name}; {Clients} clients, {options.Rounds} rounds of {options.RoundDuration.TotalSeconds:0} s");
        var question = 0;
        string HelpForBody() => JsonSerializer.Serialize(new { query = HelpFor, variables = new { q = Questions[Interlocked.Increment(ref question) % Questions.Length] } });
        var coursesBody = JsonSerializer.Serialize(new { query = Courses });

        var loadBefore = LoadAverage();
        await MeasureAsync(http, HelpForBody, TimeSpan.FromSeconds(5));
        await MeasureAsync(http, () => coursesBody, TimeSpan.FromSeconds(5));
        var helpFor = new List<double>();
        var plain = new List<double>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            var courseRound = await MeasureAsync(http, () => coursesBody, options.RoundDuration);
            var helpForRound = await MeasureAsync(http, HelpForBody, options.RoundDuration);
            plain.AddRange(courseRound);
            helpFor.AddRange(helpForRound);
            Console.WriteLine($"round {round}: courses p95 {Percentile(courseRound, 95):0.0} ms ({courseRound.Count / options.RoundDuration.TotalSeconds:0} req/s)   " +
                $"helpFor p95 {Percentile(helpForRound, 95):0.0} ms ({helpForRound.Count / options.RoundDuration.TotalSeconds:0} req/s)   " +
                $"ratio {(double)helpForRound.Count / Math.Max(1, courseRound.Count):0.00}");
        }

        var (h50, h95, p50, p95) = (Percentile(helpFor, 50), Percentile(helpFor, 95), Percentile(plain, 50), Percentile(plain, 95));
        var seconds = options.Rounds * options.RoundDuration.TotalSeconds;
        var ratio = (double)helpFor.Count / Math.Max(1, plain.Count);
        var loadAfter = LoadAverage();
        Console.WriteLine($"helpFor p50 {h50:0.0} ms p95 {h95:0.0} ms; courses(first: 20) p50 {p50:0.0} ms p95 {p95:0.0} ms; " +
            $"helpFor answers {ratio:0.00}x the courses page's rate (goal ≥ {RatioGoal:0.0}); p95 goal ≤ {P95GoalMs} ms; load average {loadBefore} before, {loadAfter} after");
        if (options.Record)
        {
            static string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
            static string Rate(double value) => value.ToString("0", CultureInfo.InvariantCulture);
            BenchmarkReport.Record("helpfor", $"""
                | query ({Clients} concurrent clients, {options.Rounds} rounds of {options.RoundDuration.TotalSeconds:0} s, {store.Name}) | requests per second | p50 | p95 |
                | --- | ---: | ---: | ---: |
                | `courses(first: 20)` with partner and location | {Rate(plain.Count / seconds)} | {Ms(p50)} ms | {Ms(p95)} ms |
                | `helpFor(question:)` with topics, 5 courses, places, home help and the sentence ({Questions.Length} questions in turn) | {Rate(helpFor.Count / seconds)} | {Ms(h50)} ms | {Ms(h95)} ms |
                | **helpFor / courses page, requests per second** | **{ratio.ToString("0.00", CultureInfo.InvariantCulture)}** | | (goal ≥ {RatioGoal.ToString("0.0", CultureInfo.InvariantCulture)}: {(ratio >= RatioGoal ? "met" : "not met")}) |
                | **helpFor p95** | | | **{Ms(h95)} ms** (goal ≤ {P95GoalMs} ms: {(h95 <= P95GoalMs ? "met" : "not met")}; {(h95 / p95).ToString("0.00", CultureInfo.InvariantCulture)}× the courses page) |

                Load average (1, 5, 15 min) of the machine: {loadBefore} before the run, {loadAfter} after it.
                """);
        }

        return 0;
    }

    /// <summary>Each of the clients sends one request after the other for the duration; the latency of each answer, in ms.</summary>
    private static async Task<List<double>> MeasureAsync(HttpClient http, Func<string> body, TimeSpan duration)
    {
        var latencies = new ConcurrentBag<double>();
        using var stop = new CancellationTokenSource(duration);
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            while (!stop.IsCancellationRequested && latencies.Count < LoadLoop.MaxRequestsPerRound)
            {
                var clock = Stopwatch.StartNew();
                try
                {
                    using var content = new StringContent(body(), Encoding.UTF8, "application/json");
                    using var response = await http.PostAsync("/graphql", content, stop.Token);
                    response.EnsureSuccessStatusCode();
                    await response.Content.CopyToAsync(Stream.Null, stop.Token);
                    latencies.Add(clock.Elapsed.TotalMilliseconds);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }
            }
        }));
        return [.. latencies];
    }

    /// <summary>The machine's load averages over 1, 5 and 15 minutes: other work on its cores shifts both rates.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static double Percentile(IReadOnlyCollection<double> values, int percentile) =>
        values.Count == 0 ? 0 : values.Order().ElementAt(Math.Min(values.Count - 1, (int)Math.Ceiling(values.Count * percentile / 100.0) - 1));
}
