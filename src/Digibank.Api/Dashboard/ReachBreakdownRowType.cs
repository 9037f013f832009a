using Digibank.Api.Municipalities;
using GraphQL.Types;

namespace Digibank.Api.Dashboard;

public sealed class ReachBreakdownRowType : ObjectGraphType<ReachRow>
{
    public ReachBreakdownRowType()
    {
        Name = "ReachBreakdownRow";
        Description = "The figures of one town, target group or month. " + SmallGroupSuppression.Rule;
        Field<MunicipalityType>("municipality").Description("The town, in `byMunicipality`.").Resolve(context => context.Source.Municipality);
        Field<EnumerationGraphType<TargetGroup>>("targetGroup").Description("The target group, in `byTargetGroup`.").Resolve(context => context.Source.TargetGroup);
        Field<StringGraphType>("month").Description("The calendar month as yyyy-MM in Belgian local time, in `byMonth`.").Resolve(context => context.Source.Month);
        this.AddReachCountFields(row => row.Counts, "in this group");
    }
}
