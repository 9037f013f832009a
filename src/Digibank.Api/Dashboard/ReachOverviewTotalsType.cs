using GraphQL.Types;

namespace Digibank.Api.Dashboard;

public sealed class ReachOverviewTotalsType : ObjectGraphType<ReachOverviewTotals>
{
    public ReachOverviewTotalsType()
    {
        Name = "ReachOverviewTotals";
        Description = "The figures of all regions together. " + ReachOverview.TotalsRule;
        Field(t => t.PeopleReached, nullable: true).Description("People reached, added up over the regions that show theirs; someone reached in two regions counts in both.");
        Field(t => t.SignUps, nullable: true).Description("Sign-ups, added up over the regions that show theirs.");
        Field(t => t.Attended, nullable: true).Description("Attended sign-ups, added up over the regions that show theirs.");
        Field(t => t.NoShows, nullable: true).Description("No-shows, added up over the regions that show theirs.");
        Field(t => t.Loans, nullable: true).Description("Loans, added up over the regions that show theirs.");
        Field(t => t.HelpRequests, nullable: true).Description("Help requests, added up over the regions that show theirs.");
        Field(t => t.HomeVisits, nullable: true).Description("Home visits, added up over the regions that show theirs.");
        Field(t => t.RegionsLeftOut).Description("Regions with at least one figure hidden, and so left out of that figure's total.");
    }
}
