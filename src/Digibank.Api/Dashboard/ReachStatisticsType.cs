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
            .Description("Demand not met yet, as it stands now (not limited to the period), for the same town or the whole region.")
            .ResolveAsync(async context =>
            {
                var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<DigibankDbContext>>();
                var now = context.UtcNow();
                await using var db = await factory.CreateDbContextAsync(context.CancellationToken);
                return await UnmetDemand.ComputeAsync(db, context.Source.Municipality?.Id, now, context.CancellationToken);
            });
    }
}

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

public sealed class UnmetDemandType : ObjectGraphType<UnmetDemand>
{
    public UnmetDemandType()
    {
        Name = "UnmetDemand";
        Description = "Demand not met yet. Figures below 5 (0 included) are null, and so is a part whose rest would be below 5.";
        Field(d => d.WaitingListPlaces, nullable: true)
            .Description("Places on waiting lists of courses that are still on offer and have not started.");
        Field(d => d.PeopleWaitingForDevice, nullable: true)
            .Description("People in a queue for a device (reservations waiting), each person once.");
        Field(d => d.UnansweredHelpRequests, nullable: true)
            .Description("Help requests still open: no one has taken them on.");
        Field(d => d.UnansweredOlderThanAWeek, nullable: true)
            .Description("Of the open help requests, those asked more than 7 days ago. Null as well when the newer ones would be below 5.");
        Field(d => d.Suppressed).Description("True when any figure here is null because it is too small to show.");
    }
}

public static class ReachCountFields
{
    /// <summary>The same seven figures on the totals and on every breakdown row, with the row's suppression flag.</summary>
    public static void AddReachCountFields<T>(this ObjectGraphType<T> type, Func<T, ReachCounts> counts, string scope)
    {
        type.Field<IntGraphType>("peopleReached")
            .Description($"Distinct people reached {scope}: with a sign-up (confirmed, waitlisted, attended or no-show), a loan or a help request in the period, each person once. Erased people still count. Null below 5.")
            .Resolve(context => counts(context.Source).PeopleReached);
        type.Field<IntGraphType>("signUps")
            .Description($"Sign-ups made in the period {scope}, cancelled ones left out. Null below 5.")
            .Resolve(context => counts(context.Source).SignUps);
        type.Field<IntGraphType>("attended")
            .Description("Of those sign-ups, the ones marked ATTENDED. Null below 5.")
            .Resolve(context => counts(context.Source).Attended);
        type.Field<IntGraphType>("noShows")
            .Description("Of those sign-ups, the ones marked NO_SHOW. Null below 5.")
            .Resolve(context => counts(context.Source).NoShows);
        type.Field<IntGraphType>("loans")
            .Description($"Devices checked out in the period {scope}. Null below 5.")
            .Resolve(context => counts(context.Source).Loans);
        type.Field<IntGraphType>("helpRequests")
            .Description($"Help requests asked in the period {scope}, whatever became of them. Null below 5.")
            .Resolve(context => counts(context.Source).HelpRequests);
        type.Field<IntGraphType>("homeVisits")
            .Description("Of those help requests, the ones by home visit. Null below 5.")
            .Resolve(context => counts(context.Source).HomeVisits);
        type.Field<NonNullGraphType<BooleanGraphType>>("suppressed")
            .Description("True when any figure here is null because it is too small to show, or would let a hidden one be worked out.")
            .Resolve(context => counts(context.Source).Suppressed);
    }
}
