using System.ComponentModel;
using Digibank.Api.Data;
using Digibank.Api.Data.Outbox;
using Digibank.Api.GraphQL.Mutations;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Staff;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Observability;

/// <summary>An event a consumer of the outbox gave up on, as the coordinator sees it.</summary>
public sealed class SetAsideEventType : ObjectGraphType<SetAsideEvent>
{
    public const string TypeName = "SetAsideEvent";

    public SetAsideEventType()
    {
        Name = TypeName;
        Description = "A change that one part of the platform (the messages to residents, the partners' sign-up feed, the dashboard) could not " +
            "handle after its tries: it was set aside so that everything after it went on. Retry it with `retrySetAsideEvent` once the cause is mended.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => GlobalId.Encode(TypeName, context.Source.Id));
        Field(e => e.Consumer).Description("What could not handle it: `notifications`, `partner-sign-up-feed`, `dashboard`…");
        Field(e => e.Sequence).Description("The change's number in the outbox.");
        Field(e => e.EventType).Description("The kind of change, e.g. `CoursesWithdrawn`.");
        Field(e => e.OccurredAt).Description("When the change was committed.");
        Field(e => e.Attempts).Description("How often it was tried before it was set aside.");
        Field(e => e.LastError).Description("What the last try ended with (no personal data).");
        Field(e => e.SetAsideAt);
    }
}

public static class SetAsideEventQueries
{
    public static void AddSetAsideEventQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SetAsideEventType>>>>("setAsideEvents")
            .Description("Changes that could not be handled after their tries and were set aside, oldest first (the coordinator only).")
            .ResolveAsync(async context =>
            {
                context.RequireCoordinator();
                var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<DigibankDbContext>>();
                await using var db = await factory.CreateDbContextAsync(context.CancellationToken);
                return await db.SetAsideEvents.OrderBy(e => e.Sequence).ThenBy(e => e.Consumer).Take(500).ToListAsync(context.CancellationToken);
            });

    public static void AddSetAsideEventMutations(this ObjectGraphType mutation) =>
        mutation.StaffMutation<RetrySetAsideEventInput, SetAsideEvent>("retrySetAsideEvent", RetryAsync,
            "The coordinator has a set-aside change handled again, once its cause is mended: handled, it leaves the list (and, for the messages, " +
            "whoever it concerns is told now); failing again, it stays, and nothing of the try is kept.",
            payload: "The change as it was set aside, now handled.",
            typeof(EventStillFailsError), typeof(EventNotRetriableError));

    private static async Task<Result<SetAsideEvent>> RetryAsync(MutationCall<RetrySetAsideEventInput> call, StaffUser staff)
    {
        if (!staff.IsCoordinator)
        {
            return new NotAllowedError("Only the regional coordinator retries a set-aside change.");
        }

        var (input, _, cancellationToken) = call;
        var id = call.Rules.Id(nameof(input.SetAsideEventId), SetAsideEventType.TypeName, input.SetAsideEventId);
        return await call.Service<SetAsideEvents>().RetryAsync(await call.BeginAsync(), id, cancellationToken);
    }
}

public sealed record RetrySetAsideEventInput([property: Id, Description("The set-aside change, from `setAsideEvents`.")] string SetAsideEventId);
