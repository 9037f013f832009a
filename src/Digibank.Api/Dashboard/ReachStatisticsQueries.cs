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
    public static void AddReachStatisticsQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ReachStatisticsType>>("reachStatistics")
            .Description("Reach of the Digibank of the caller's region in a period, for the subsidy report to Flanders. Staff and the coordinator, for their own region " +
                "(the admin asks `reachOverview`); the figures are anonymous. " + SmallGroupSuppression.Rule)
            .Argument<NonNullGraphType<DateTimeGraphType>>("from", "Start of the period, included; give a time zone offset (without one it is UTC).")
            .Argument<NonNullGraphType<DateTimeGraphType>>("to", $"End of the period, excluded; after `from` and at most {ReachPeriod.MaxYears} years later (INVALID_PERIOD otherwise).")
            .Argument<IdGraphType>("municipalityId", "Only this town of your region (AUTH_NOT_AUTHORIZED for a town of another region); the whole region when left out.")
            .ResolveAsync(async context =>
            {
                var staff = context.RequireStaff();
                var period = ReachPeriod.Create(context.GetArgument<DateTime>("from"), context.GetArgument<DateTime>("to"));
                var municipalityId = context.GetArgument<string?>("municipalityId") is { } municipality
                    ? GlobalId.DecodeFor(MunicipalityType.TypeName, municipality)
                    : (int?)null;
                if (municipalityId is { } town && context.RequestServices!.GetRequiredService<IPlaceRegions>().OfMunicipality(town) is { } townRegion && !staff.WorksIn(townRegion))
                {
                    throw new ExecutionError("This town belongs to another region.") { Code = StaffAccess.NotAuthorized };
                }

                var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<DigibankDbContext>>();
                await using var db = await factory.CreateDbContextAsync(context.CancellationToken);
                return await ReachStatistics.ComputeAsync(db, period, staff.RegionId!.Value, municipalityId, context.CancellationToken);
            });

        query.Field<NonNullGraphType<ReachOverviewType>>("reachOverview")
            .Description("The reach of every region's Digibank in a period, for Flanders: the admin only. Each region's figures are suppressed by its own " +
                "threshold before anything is added up. " + ReachOverview.TotalsRule)
            .Argument<NonNullGraphType<DateTimeGraphType>>("from", "Start of the period, included; give a time zone offset (without one it is UTC).")
            .Argument<NonNullGraphType<DateTimeGraphType>>("to", $"End of the period, excluded; after `from` and at most {ReachPeriod.MaxYears} years later (INVALID_PERIOD otherwise).")
            .ResolveAsync(async context =>
            {
                context.RequireAdmin();
                var period = ReachPeriod.Create(context.GetArgument<DateTime>("from"), context.GetArgument<DateTime>("to"));
                var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<DigibankDbContext>>();
                await using var db = await factory.CreateDbContextAsync(context.CancellationToken);
                return ReachOverview.Of(period, await ReachFigures.ComputeAsync(db, period, null, null, context.CancellationToken));
            });
    }
}
