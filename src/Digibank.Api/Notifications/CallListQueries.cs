using Digibank.Api.GraphQL.Mutations;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Digibank.Api.Staff;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Notifications;

public static class CallListQueries
{
    public static void AddCallListQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<FailedMessageType>>>>("failedMessages")
            .Description("E-mails that could not be delivered after their last try, newest first (the region's coordinator only): call those people instead.")
            .ResolveAsync(async context =>
            {
                var region = context.RequireCoordinator().RegionId;
                var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<Data.DigibankDbContext>>();
                await using var db = await factory.CreateDbContextAsync(context.CancellationToken);
                return await db.Notifications.Where(n => n.Status == NotificationStatus.Failed && n.RegionId == region)
                    .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(500).ToListAsync(context.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CallTaskType>>>>("callList")
            .Description("Whom staff still have to call, and why: the oldest first, those not reached yet included. With `helpPointId`, the list of that " +
                "help point (its staff and the coordinator); without it, the coordinator's own list: the people no help point is there for (a course " +
                "at another venue, a question without a help point). Every call task is on one of these lists.")
            .Argument<IdGraphType>("helpPointId", "The help point whose list to show; leave it out for the coordinator's list.")
            .ResolveAsync(async context =>
            {
                var (helpPointId, region) = CallListOf(context);
                var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<Data.DigibankDbContext>>();
                await using var db = await factory.CreateDbContextAsync(context.CancellationToken);
                return await db.CallTasks.Where(t => t.HelpPointId == helpPointId && t.RegionId == region && t.Outcome != CallOutcome.Reached)
                    .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).Take(500).ToListAsync(context.CancellationToken);
            });
    }

    /// <summary>
    /// The call list an argument <c>helpPointId</c> names, for someone who may see it: a help point's list for its staff
    /// and the region's coordinator; without one (null), the coordinator's own list of their region.
    /// </summary>
    public static (int? HelpPointId, int RegionId) CallListOf(IResolveFieldContext context)
    {
        if (context.GetArgument<string?>("helpPointId") is not { } argument)
        {
            return (null, context.RequireCoordinator().RegionId!.Value);
        }

        var helpPointId = GlobalId.DecodeFor(HelpPointType.TypeName, argument);
        return (helpPointId, context.RequireStaffFor(helpPointId).RegionId!.Value);
    }

    public static void AddCallListMutations(this ObjectGraphType mutation) =>
        mutation.StaffMutation<MarkCalledInput, CallTask>("markCalled", MarkCalledAsync,
            "Records that staff called the person of a call task: reached (told), or not reached (the task stays on the list).",
            payload: "The call task with its outcome.",
            typeof(CallTaskDoneError));

    private static async Task<Result<CallTask>> MarkCalledAsync(MutationCall<MarkCalledInput> call, StaffUser staff)
    {
        var (input, now, cancellationToken) = call;
        var taskId = call.Rules.Id(nameof(input.CallTaskId), CallTaskType.TypeName, input.CallTaskId);
        return await CallList.MarkCalledAsync(await call.BeginAsync(), new MarkCalled(taskId, input.Reached, staff), now, cancellationToken);
    }
}
