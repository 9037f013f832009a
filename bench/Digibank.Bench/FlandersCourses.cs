using static Digibank.Bench.FlandersBenchmark;

namespace Digibank.Bench;

/// <summary>
/// The public `courses(first: 20)` page for one region and across all regions on Flanders, against the same query on
/// the demo region alone: p50, p95 and requests per second under the same closed-loop load, rounds taking turns.
/// </summary>
internal static class FlandersCourses
{
    public const double Goal = 1.5;

    private const string Fields = "nodes { id title startsAt seatsLeft partner { id name } location { name street municipality { name } } }";

    public static string Page(string? region) => region is null
        ? $"{{ courses(first: 20) {{ {Fields} }} }}"
        : $"{{ courses(first: 20, region: \"{region}\") {{ {Fields} }} }}";

    public static async Task MeasureAsync(BenchOptions options, FlandersSite flanders, FlandersSite demo, string regionCode, FlandersReport report, List<string> failures)
    {
        var pairs = new List<(string Label, string Flanders, string Demo)>();
        foreach (var (label, flandersQuery, demoQuery) in new[]
        {
            ($"`courses(first: 20, region: \"{regionCode}\")` (demo: `region: \"poperinge\"`)", Page(regionCode), Page("poperinge")),
            ("`courses(first: 20)` across all regions", Page(null), Page(null)),
        })
        {
            var (flandersBody, demoBody) = (FlandersSite.Body(flandersQuery), FlandersSite.Body(demoQuery));
            var (flandersAnswer, _, flandersStatements) = await flanders.AskAsync(flandersBody);
            var (demoAnswer, _, demoStatements) = await demo.AskAsync(demoBody);
            if ((FlandersSite.ErrorOf(flandersAnswer) ?? FlandersSite.ErrorOf(demoAnswer)) is { } error)
            {
                failures.Add($"{label}: {error}");
                continue;
            }

            report.Statements.Add((label, flandersStatements, demoStatements));
            pairs.Add((label, flandersBody, demoBody));
        }

        var warmUp = TimeSpan.FromSeconds(Math.Min(3, options.RoundDuration.TotalSeconds));
        foreach (var (_, flandersBody, demoBody) in pairs)
        {
            await flanders.LoadAsync(flandersBody, options.Concurrency, warmUp);
            await demo.LoadAsync(demoBody, options.Concurrency, warmUp);
        }

        var latencies = pairs.Select(_ => (Flanders: new List<double>(), Demo: new List<double>())).ToList();
        for (var round = 1; round <= options.Rounds; round++)
        {
            for (var index = 0; index < pairs.Count; index++)
            {
                latencies[index].Flanders.AddRange(await flanders.LoadAsync(pairs[index].Flanders, options.Concurrency, options.RoundDuration));
                latencies[index].Demo.AddRange(await demo.LoadAsync(pairs[index].Demo, options.Concurrency, options.RoundDuration));
            }

            Console.WriteLine($"courses round {round} of {options.Rounds} done");
        }

        var seconds = options.Rounds * options.RoundDuration.TotalSeconds;
        for (var index = 0; index < pairs.Count; index++)
        {
            var row = new CoursePageRow(pairs[index].Label, Figures.Of(latencies[index].Flanders, seconds), Figures.Of(latencies[index].Demo, seconds), options.Concurrency);
            report.Courses.Add(row);
            Console.WriteLine($"{row.Label}: Flanders p50 {Ms(row.Flanders.P50)} p95 {Ms(row.Flanders.P95)} {row.Flanders.Rate:0} req/s; " +
                $"demo p50 {Ms(row.Demo.P50)} p95 {Ms(row.Demo.P95)} {row.Demo.Rate:0} req/s; worst ratio {Times(row.WorstRatio)} (goal ≤ {Goal}×)");
        }
    }
}

/// <summary>Latency percentiles and rate of one request under load.</summary>
internal sealed record Figures(double P50, double P95, double Rate)
{
    public static Figures Of(IReadOnlyCollection<double> latencies, double seconds) =>
        new(FlandersSite.Percentile(latencies, 50), FlandersSite.Percentile(latencies, 95), latencies.Count / seconds);
}

/// <summary>One page on Flanders and on the demo region alone.</summary>
internal sealed record CoursePageRow(string Label, Figures Flanders, Figures Demo, int Clients)
{
    public double P50Ratio => Flanders.P50 / Demo.P50;

    public double P95Ratio => Flanders.P95 / Demo.P95;

    /// <summary>How many times fewer requests per second Flanders answers.</summary>
    public double RateRatio => Demo.Rate / Flanders.Rate;

    public double WorstRatio => Math.Max(P50Ratio, Math.Max(P95Ratio, RateRatio));

    public bool Met => WorstRatio <= FlandersCourses.Goal;
}
