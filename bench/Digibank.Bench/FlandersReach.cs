using System.Globalization;
using System.Text.Json.Nodes;
using Digibank.Api.Regions;
using static Digibank.Bench.FlandersBenchmark;

namespace Digibank.Bench;

/// <summary>
/// A coordinator's `reachStatistics` of the past year on Flanders, against the demo region's coordinator on the demo
/// region alone, one request after the other; and the admin's `reachOverview` of all regions.
/// </summary>
internal static class FlandersReach
{
    public const double Goal = 3;

    public static readonly TimeSpan OverviewGoal = TimeSpan.FromSeconds(2);

    private const string Reach = """
        query ($from: DateTime!, $to: DateTime!) { reachStatistics(from: $from, to: $to) {
          peopleReached signUps attended noShows loans helpRequests homeVisits suppressed
          byMunicipality { municipality { name } peopleReached signUps attended loans suppressed }
          byTargetGroup { targetGroup peopleReached signUps loans suppressed }
          byMonth { month peopleReached signUps loans suppressed }
          unmetDemand { waitingListPlaces peopleWaitingForDevice unansweredHelpRequests suppressed } } }
        """;

    /// <summary>The overview's own fields are not fixed here: asking for the type of what it answers runs it whole.</summary>
    private const string Overview = "query ($from: DateTime!, $to: DateTime!) { reachOverview(from: $from, to: $to) { __typename } }";

    private const int Timed = 15;

    public static async Task MeasureAsync(FlandersSite flanders, FlandersSite demo, int regionId, FlandersReport report, List<string> failures)
    {
        var today = DateTime.UtcNow.Date;
        var period = new { from = today.AddDays(-365).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), to = today.AddDays(1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) };
        var reach = FlandersSite.Body(Reach, period);
        var flandersFigures = await TimeAsync(flanders, reach, flanders.Coordinator(regionId), Timed, "reachStatistics (Flanders)", failures);
        var demoFigures = await TimeAsync(demo, reach, demo.Coordinator(Region.FirstRegionId), Timed, "reachStatistics (demo region)", failures);
        if (flandersFigures is { } f && demoFigures is { } d)
        {
            report.Reach = (f.Figures, d.Figures, (int?)f.Answer["data"]?["reachStatistics"]?["signUps"], (int?)d.Answer["data"]?["reachStatistics"]?["signUps"]);
            report.Statements.Add(("`reachStatistics` of the past year, coordinator of the region", f.Statements, d.Statements));
            Console.WriteLine($"reachStatistics: Flanders p50 {Ms(f.Figures.P50)} p95 {Ms(f.Figures.P95)}, demo p50 {Ms(d.Figures.P50)} p95 {Ms(d.Figures.P95)}: {Times(f.Figures.P50 / d.Figures.P50)} (goal ≤ {Goal}×)");
        }

        var overview = await TimeAsync(flanders, FlandersSite.Body(Overview, period), flanders.Admin(), 5, "reachOverview (admin, Flanders)", failures);
        if (overview is { } o)
        {
            report.Overview = (o.Figures, o.Max);
            report.Statements.Add(("`reachOverview` of the past year, admin (Flanders only)", o.Statements, null));
            Console.WriteLine($"reachOverview: p50 {Ms(o.Figures.P50)}, slowest {Ms(o.Max)} (goal < {OverviewGoal.TotalSeconds:0} s)");
        }
    }

    /// <summary>Two untimed requests, then <paramref name="count"/> one after the other; null (and a failure) when it answers an error.</summary>
    private static async Task<(Figures Figures, double Max, int Statements, JsonObject Answer)?> TimeAsync(
        FlandersSite site, string body, string token, int count, string what, List<string> failures)
    {
        var (answer, _, statements) = await site.AskAsync(body, token);
        if (FlandersSite.ErrorOf(answer) is { } error)
        {
            failures.Add($"{what}: {error}");
            return null;
        }

        await site.AskAsync(body, token);
        var latencies = new List<double>();
        for (var index = 0; index < count; index++)
        {
            latencies.Add((await site.AskAsync(body, token)).Ms);
        }

        return (Figures.Of(latencies, latencies.Sum() / 1000), latencies.Max(), statements, answer);
    }
}
