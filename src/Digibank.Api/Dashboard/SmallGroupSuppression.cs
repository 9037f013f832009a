namespace Digibank.Api.Dashboard;

/// <summary>
/// The disclosure rule of the reach statistics: a figure below the region's small-group threshold (zero included) is
/// never shown, and a breakdown never lets a hidden figure be worked out by subtracting the shown ones from the total.
/// Each region has its own threshold (<see cref="Regions.Region.SmallGroupThreshold"/>, 5 unless set otherwise).
/// </summary>
public static class SmallGroupSuppression
{
    public const string Rule =
        "Figures below the region's small-group threshold (5 unless the region set another; 0 included) are null so no one can be recognised; " +
        "when a breakdown would hide only one figure of a column, the next-smallest figure of that column is hidden too, so the hidden one cannot be worked out from the total.";

    public static bool IsTooSmall(int count, int threshold) => count < threshold;

    /// <summary>The figures of a group on their own: each one below the threshold is hidden.</summary>
    public static ReachCounts Primary(ReachTally tally, int threshold) =>
        new(tally, [.. tally.Figures.Select(figure => IsTooSmall(figure, threshold))]);

    /// <summary>
    /// The rows of one breakdown of <paramref name="total"/>. Column by column: figures below the minimum are hidden,
    /// and when exactly one is hidden while the total is shown, the smallest shown figure is hidden as well.
    /// </summary>
    public static IReadOnlyList<ReachCounts> Breakdown(ReachCounts total, IReadOnlyList<ReachTally> rows, int threshold)
    {
        var hidden = rows.Select(row => row.Figures.Select(figure => IsTooSmall(figure, threshold)).ToArray()).ToArray();
        for (var figure = 0; figure < ReachTally.FigureCount; figure++)
        {
            if (total.IsHidden(figure))
            {
                continue;
            }

            var column = figure;
            var hiddenRows = Enumerable.Range(0, rows.Count).Where(row => hidden[row][column]).ToList();
            if (hiddenRows.Count != 1)
            {
                continue;
            }

            var nextSmallest = Enumerable.Range(0, rows.Count)
                .Where(row => !hidden[row][column])
                .OrderBy(row => rows[row].Figures[column])
                .ThenBy(row => row)
                .Select(row => (int?)row)
                .FirstOrDefault();
            if (nextSmallest is { } row)
            {
                hidden[row][column] = true;
            }
        }

        return [.. rows.Select((row, index) => new ReachCounts(row, hidden[index]))];
    }

    /// <summary>
    /// A count and a part of it, such as open help requests and those older than a week: the part is hidden too when
    /// the rest (whole minus part) is too small to show, since the rest would follow by subtraction.
    /// </summary>
    public static (int? Whole, int? Part) WholeAndPart(int whole, int part, int threshold)
    {
        var shownWhole = IsTooSmall(whole, threshold) ? (int?)null : whole;
        var shownPart = IsTooSmall(part, threshold) || (shownWhole is not null && IsTooSmall(whole - part, threshold)) ? (int?)null : part;
        return (shownWhole, shownPart);
    }
}
