using GraphQL.Types;

namespace Digibank.Api.Dashboard;

public static class ReachCountFields
{
    /// <summary>The same seven figures on the totals and on every breakdown row, with the row's suppression flag.</summary>
    public static void AddReachCountFields<T>(this ObjectGraphType<T> type, Func<T, ReachCounts> counts, string scope)
    {
        type.Field<IntGraphType>("peopleReached")
            .Description($"Distinct people reached {scope}: with a sign-up (confirmed, waitlisted, attended or no-show), a loan or a help request in the period, each person once. Erased people still count. Null below the small-group threshold.")
            .Resolve(context => counts(context.Source).PeopleReached);
        type.Field<IntGraphType>("signUps")
            .Description($"Sign-ups made in the period {scope}, cancelled ones left out. Null below the small-group threshold.")
            .Resolve(context => counts(context.Source).SignUps);
        type.Field<IntGraphType>("attended")
            .Description("Of those sign-ups, the ones marked ATTENDED. Null below the small-group threshold.")
            .Resolve(context => counts(context.Source).Attended);
        type.Field<IntGraphType>("noShows")
            .Description("Of those sign-ups, the ones marked NO_SHOW. Null below the small-group threshold.")
            .Resolve(context => counts(context.Source).NoShows);
        type.Field<IntGraphType>("loans")
            .Description($"Devices checked out in the period {scope}. Null below the small-group threshold.")
            .Resolve(context => counts(context.Source).Loans);
        type.Field<IntGraphType>("helpRequests")
            .Description($"Help requests asked in the period {scope}, whatever became of them. Null below the small-group threshold.")
            .Resolve(context => counts(context.Source).HelpRequests);
        type.Field<IntGraphType>("homeVisits")
            .Description("Of those help requests, the ones by home visit. Null below the small-group threshold.")
            .Resolve(context => counts(context.Source).HomeVisits);
        type.Field<NonNullGraphType<BooleanGraphType>>("suppressed")
            .Description("True when any figure here is null because it is too small to show, or would let a hidden one be worked out.")
            .Resolve(context => counts(context.Source).Suppressed);
    }
}
