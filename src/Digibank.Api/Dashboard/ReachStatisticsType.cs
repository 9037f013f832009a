using Digibank.Api.Data;
using Digibank.Api.GraphQL;
using Digibank.Api.Municipalities;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Dashboard;

public sealed class ReachStatisticsType : ObjectGraphType<ReachStatistics>
{
    public ReachStatisticsType()
    {
        Name = "ReachStatistics";
        Description = "Reach of the Digibank in a period [from, to), for the subsidy report. Counts only, never who. " + SmallGroupSuppression.Rule;
        Field<NonNullGraphType<DateTimeGraphType>>("from").Description("Start of the period, included.").Resolve(context => context.Source.Period.From);
        Field<NonNullGraphType<DateTimeGraphType>>("to").Description("End of the period, excluded.").Resolve(context => context.Source.Period.To);
        Field<NonNullGraphType<StringGraphType>>("regionCode").Description("The code of the region the figures are of (`poperinge`).").Resolve(context => context.Source.Region.Code);
        Field<NonNullGraphType<StringGraphType>>("regionName").Description("The name of the region the figures are of.").Resolve(context => context.Source.Region.Name);
        Field<NonNullGraphType<IntGraphType>>("smallGroupThreshold")
            .Description("The region's small-group threshold: figures below it are null.")
            .Resolve(context => context.Source.Region.SmallGroupThreshold);
        Field<MunicipalityType>("municipality")
            .Description("The town the figures are limited to; null for the whole region.")
            .Resolve(context => context.Source.Municipality);
        this.AddReachCountFields(statistics => statistics.Totals, "in total");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReachBreakdownRowType>>>>("byMunicipality")
            .Description("The figures per town: every town of the region, or only the chosen one. People and their sign-ups and loans count for the town they live in; help requests for the town they name.")
            .Resolve(context => context.Source.ByMunicipality);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReachBreakdownRowType>>>>("byTargetGroup")
            .Description("The figures per target group, every group listed. Help requests without a known person are in no group.")
            .Resolve(context => context.Source.ByTargetGroup);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReachBreakdownRowType>>>>("byMonth")
            .Description("The figures per calendar month in Belgian local time (Europe/Brussels), every month of the period listed. Someone reached in two months counts in both.")
            .Resolve(context => context.Source.ByMonth);
        Field<NonNullGraphType<UnmetDemandType>>("unmetDemand")
            .Description("Demand not met yet in the region, as it stands now (not limited to the period), for the same town or the whole region.")
            .ResolveAsync(async context =>
            {
                var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<DigibankDbContext>>();
                var now = context.UtcNow();
                await using var db = await factory.CreateDbContextAsync(context.CancellationToken);
                var region = context.Source.Region;
                return await UnmetDemand.ComputeAsync(db, region.Id, region.SmallGroupThreshold, context.Source.Municipality?.Id, now, context.CancellationToken);
            });
    }
}
