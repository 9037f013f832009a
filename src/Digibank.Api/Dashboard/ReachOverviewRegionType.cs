using GraphQL.Types;

namespace Digibank.Api.Dashboard;

public sealed class ReachOverviewRegionType : ObjectGraphType<ReachStatistics>
{
    public ReachOverviewRegionType()
    {
        Name = "ReachOverviewRegion";
        Description = "One region's figures in the overview, as its coordinator sees them. " + SmallGroupSuppression.Rule;
        Field<NonNullGraphType<StringGraphType>>("regionCode").Description("The region's code (`poperinge`).").Resolve(context => context.Source.Region.Code);
        Field<NonNullGraphType<StringGraphType>>("regionName").Description("The region's name.").Resolve(context => context.Source.Region.Name);
        Field<NonNullGraphType<IntGraphType>>("smallGroupThreshold")
            .Description("The region's small-group threshold: its figures below it are null.")
            .Resolve(context => context.Source.Region.SmallGroupThreshold);
        this.AddReachCountFields(statistics => statistics.Totals, "in the region");
    }
}
