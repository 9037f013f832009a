using Digibank.Api.Data;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Municipalities;
using Digibank.Api.Staff;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Dashboard;

public static class ReachStatisticsQueries
{
    public static void AddReachStatisticsQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ReachStatisticsType>>("reachStatistics")
            .Description("Reach of the Digibank in a period, for the subsidy report to Flanders. Staff and the coordinator; the figures are anonymous. " + SmallGroupSuppression.Rule)
            .Argument<NonNullGraphType<DateTimeGraphType>>("from", "Start of the period, included; give a time zone offset (without one it is UTC).")
            .Argument<NonNullGraphType<DateTimeGraphType>>("to", $"End of the period, excluded; after `from` and at most {ReachPeriod.MaxYears} years later (INVALID_PERIOD otherwise).")
            .Argument<IdGraphType>("municipalityId", "Only this town; the whole region when left out.")
            .ResolveAsync(async context =>
            {
                context.RequireStaff();
                var period = ReachPeriod.Create(context.GetArgument<DateTime>("from"), context.GetArgument<DateTime>("to"));
                var municipalityId = context.GetArgument<string?>("municipalityId") is { } municipality
                    ? GlobalId.DecodeFor(MunicipalityType.TypeName, municipality)
                    : (int?)null;
                var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<DigibankDbContext>>();
                await using var db = await factory.CreateDbContextAsync(context.CancellationToken);
                return await ReachStatistics.ComputeAsync(db, period, municipalityId, context.CancellationToken);
            });
}
