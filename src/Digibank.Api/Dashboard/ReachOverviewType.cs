using GraphQL.Types;

namespace Digibank.Api.Dashboard;

public sealed class ReachOverviewType : ObjectGraphType<ReachOverview>
{
    public ReachOverviewType()
    {
        Name = "ReachOverview";
        Description = "The reach of every region's Digibank in a period [from, to), for the admin: each region's own figures, suppressed by its own " +
            "small-group threshold before anything is added up, and totals over them. " + ReachOverview.TotalsRule;
        Field<NonNullGraphType<DateTimeGraphType>>("from").Description("Start of the period, included.").Resolve(context => context.Source.Period.From);
        Field<NonNullGraphType<DateTimeGraphType>>("to").Description("End of the period, excluded.").Resolve(context => context.Source.Period.To);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReachOverviewRegionType>>>>("regions")
            .Description("Every region, by name, with the same totals its coordinator sees in `reachStatistics`.")
            .Resolve(context => context.Source.Regions);
        Field<NonNullGraphType<ReachOverviewTotalsType>>("totals").Description(ReachOverview.TotalsRule).Resolve(context => context.Source.Totals);
    }
}
