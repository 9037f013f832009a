namespace Digibank.Api.Dashboard;

/// <summary>The figures of one group as published: each one null when <see cref="SmallGroupSuppression"/> hides it.</summary>
public sealed class ReachCounts
{
    private readonly ReachTally _tally;
    private readonly bool[] _hidden;

    public ReachCounts(ReachTally tally, bool[] hidden)
    {
        if (hidden.Length != ReachTally.FigureCount)
        {
            throw new ArgumentException($"Expected {ReachTally.FigureCount} flags.", nameof(hidden));
        }

        _tally = tally;
        _hidden = hidden;
    }

    public int? PeopleReached => Shown(0, _tally.PeopleReached);

    public int? SignUps => Shown(1, _tally.SignUps);

    public int? Attended => Shown(2, _tally.Attended);

    public int? NoShows => Shown(3, _tally.NoShows);

    public int? Loans => Shown(4, _tally.Loans);

    public int? HelpRequests => Shown(5, _tally.HelpRequests);

    public int? HomeVisits => Shown(6, _tally.HomeVisits);

    public bool Suppressed => _hidden.Any(hidden => hidden);

    public bool IsHidden(int figure) => _hidden[figure];

    private int? Shown(int figure, int value) => _hidden[figure] ? null : value;
}
