using System.Globalization;
using System.Text;
using static Digibank.Bench.FlandersBenchmark;

namespace Digibank.Bench;

/// <summary>What a Flanders run measured, as the Markdown table the console shows and docs/benchmarks.md records.</summary>
internal sealed class FlandersReport(FlandersSize size, TimeSpan generated, string loadBefore)
{
    public List<CoursePageRow> Courses { get; } = [];

    public List<(string Query, int Flanders, int? Demo)> Statements { get; } = [];

    public (Figures Flanders, Figures Demo, int? FlandersSignUps, int? DemoSignUps)? Reach { get; set; }

    public (Figures Figures, double Max)? Overview { get; set; }

    public DashboardFigures? Dashboards { get; set; }

    public string LoadAfter { get; set; } = "unknown";

    public string ToMarkdown(IReadOnlyList<string> failures)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Flanders: {size}, on PostgreSQL{(generated > TimeSpan.Zero ? $", generated in {generated.TotalSeconds:0} s" : string.Empty)}; against a database with the demo region alone, in the same run.");
        text.AppendLine();
        text.AppendLine("| request | Flanders p50 | p95 | req/s | demo region alone p50 | p95 | req/s | Flanders / demo (worst of p50, p95, rate) | goal |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var row in Courses)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Label}, {row.Clients} clients | {Ms(row.Flanders.P50)} | {Ms(row.Flanders.P95)} | {row.Flanders.Rate:0} | {Ms(row.Demo.P50)} | {Ms(row.Demo.P95)} | {row.Demo.Rate:0} | **{Times(row.WorstRatio)}** | ≤ {FlandersCourses.Goal}×: {Met(row.Met)} |");
        }

        if (Reach is var (f, d, flandersSignUps, demoSignUps))
        {
            var ratio = f.P50 / d.P50;
            text.AppendLine(CultureInfo.InvariantCulture, $"| `reachStatistics` of the past year, one after the other (sign-ups counted: {flandersSignUps?.ToString(CultureInfo.InvariantCulture) ?? "hidden"} / {demoSignUps?.ToString(CultureInfo.InvariantCulture) ?? "hidden"}) | {Ms(f.P50)} | {Ms(f.P95)} | | {Ms(d.P50)} | {Ms(d.P95)} | | **{Times(ratio)}** (p50) | ≤ {FlandersReach.Goal}×: {Met(ratio <= FlandersReach.Goal)} |");
        }

        if (Overview is var (overview, max))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| `reachOverview` of {size.Regions} regions and the demo's, admin | {Ms(overview.P50)} | slowest {Ms(max)} | | | | | | < {FlandersReach.OverviewGoal.TotalSeconds:0} s: {Met(max < FlandersReach.OverviewGoal.TotalMilliseconds)} |");
        }

        text.AppendLine();
        text.AppendLine("| SQL statements per request | Flanders | demo region alone |");
        text.AppendLine("| --- | ---: | ---: |");
        foreach (var (query, flanders, demo) in Statements)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {query} | {flanders} | {demo?.ToString(CultureInfo.InvariantCulture) ?? "–"} |");
        }

        if (Dashboards is { } dashboards)
        {
            text.AppendLine();
            text.AppendLine(dashboards.ToMarkdown());
        }

        foreach (var failure in failures)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"**Failed:** {failure}");
        }

        text.AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"Load average (1, 5, 15 min) of the machine: {loadBefore} before the run, {LoadAfter} after it.");
        return text.ToString();
    }

    private static string Met(bool met) => met ? "met" : "not met";
}
