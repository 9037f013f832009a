namespace Digibank.Api.Dashboard;

/// <summary>The overview's totals: per figure the sum of what the regions show (see <see cref="ReachOverview.TotalsRule"/>).</summary>
public sealed record ReachOverviewTotals(IReadOnlyList<int?> Figures, int RegionsLeftOut)
{
    public int? PeopleReached => Figures[0];

    public int? SignUps => Figures[1];

    public int? Attended => Figures[2];

    public int? NoShows => Figures[3];

    public int? Loans => Figures[4];

    public int? HelpRequests => Figures[5];

    public int? HomeVisits => Figures[6];

    /// <summary>The seven figures as a region shows them, in <see cref="ReachTally"/>'s order.</summary>
    public static int?[] FiguresOf(ReachCounts counts) =>
        [counts.PeopleReached, counts.SignUps, counts.Attended, counts.NoShows, counts.Loans, counts.HelpRequests, counts.HomeVisits];
}
