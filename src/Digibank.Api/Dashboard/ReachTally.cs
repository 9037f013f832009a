namespace Digibank.Api.Dashboard;

/// <summary>The exact figures of one group, as counted; never leaves the server as such.</summary>
public sealed record ReachTally(int PeopleReached, int SignUps, int Attended, int NoShows, int Loans, int HelpRequests, int HomeVisits)
{
    public const int FigureCount = 7;

    public static readonly ReachTally Zero = new(0, 0, 0, 0, 0, 0, 0);

    public int[] Figures => [PeopleReached, SignUps, Attended, NoShows, Loans, HelpRequests, HomeVisits];

    public static ReachTally operator +(ReachTally left, ReachTally right) => new(
        left.PeopleReached + right.PeopleReached,
        left.SignUps + right.SignUps,
        left.Attended + right.Attended,
        left.NoShows + right.NoShows,
        left.Loans + right.Loans,
        left.HelpRequests + right.HelpRequests,
        left.HomeVisits + right.HomeVisits);

    public static ReachTally Sum(IEnumerable<ReachTally> tallies) => tallies.Aggregate(Zero, (sum, tally) => sum + tally);
}
