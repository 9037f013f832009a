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
            .Description("E-mails that could not be delivered after their last try, newest first (the coordinator only): call those people instead.")
            .ResolveAsync(async context =>
            {
                context.RequireCoordinator();
                var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<Data.DigibankDbContext>>();
                await using var db = await factory.CreateDbContextAsync(context.CancellationToken);
                return await db.Notifications.Where(n => n.Status == NotificationStatus.Failed)
                    .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(500).ToListAsync(context.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CallTaskType>>>>("callList")
            .Description("Whom staff of a help point still have to call, and why: the oldest first, those not reached yet included. Staff of that point and the coordinator.")
            .Argument<NonNullGraphType<IdGraphType>>("helpPointId")
            .ResolveAsync(async context =>
            {
                var helpPointId = GlobalId.DecodeFor(HelpPointType.TypeName, context.GetArgument<string>("helpPointId"));
                context.RequireStaffFor(helpPointId);
                var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<Data.DigibankDbContext>>();
                await using var db = await factory.CreateDbContextAsync(context.CancellationToken);
                return await db.CallTasks.Where(t => t.HelpPointId == helpPointId && t.Outcome != CallOutcome.Reached)
                    .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).Take(500).ToListAsync(context.CancellationToken);
            });
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

public sealed record MarkCalledInput([property: Id] string CallTaskId, [property: System.ComponentModel.Description("True when the person was reached and told.")] bool Reached);
