namespace Digibank.Api.Dashboard;

/// <summary>
/// The Flemish overview: every region's own figures, suppressed by the region's own threshold, and totals over them.
/// </summary>
/// <remarks>
/// The rule for the totals: a total is the sum of the figures the regions show, never of the counted ones, so a hidden
/// figure is in no total and cannot be worked out by subtracting the other regions' figures from it; when no region
/// shows a figure, its total is null. A total is therefore a floor ("at least"), and says so by
/// <see cref="ReachOverviewTotals.RegionsLeftOut"/>.
/// </remarks>
public sealed record ReachOverview(ReachPeriod Period, IReadOnlyList<ReachStatistics> Regions, ReachOverviewTotals Totals)
{
    public const string TotalsRule =
        "A total is the sum of the figures the regions show: a region's figure that is hidden (null) is left out of it, so no hidden figure " +
        "can be worked out by subtracting the other regions' figures from a total. A total is null when no region shows that figure.";

    public static ReachOverview Of(ReachPeriod period, IReadOnlyList<ReachStatistics> regions)
    {
        var shown = regions.Select(region => ReachOverviewTotals.FiguresOf(region.Totals)).ToList();
        var totals = Enumerable.Range(0, ReachTally.FigureCount)
            .Select(figure => shown.Where(figures => figures[figure] is not null).Select(figures => figures[figure]!.Value).ToList())
            .Select(values => values.Count == 0 ? (int?)null : values.Sum())
            .ToArray();
        var leftOut = regions.Count(region => region.Totals.Suppressed);
        return new ReachOverview(period, regions, new ReachOverviewTotals(totals, leftOut));
    }
}
