using Digibank.Api.Data;
using Digibank.Api.Data.Outbox;
using Digibank.Api.GraphQL.Mutations;
using Digibank.Api.Staff;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Observability;

public static class SetAsideEventQueries
{
    public static void AddSetAsideEventQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SetAsideEventType>>>>("setAsideEvents")
            .Description("Changes that could not be handled after their tries and were set aside, oldest first. The admin's: the outbox serves every region of the deployment.")
            .ResolveAsync(async context =>
            {
                context.RequireAdmin();
                var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<DigibankDbContext>>();
                await using var db = await factory.CreateDbContextAsync(context.CancellationToken);
                return await db.SetAsideEvents.OrderBy(e => e.Sequence).ThenBy(e => e.Consumer).Take(500).ToListAsync(context.CancellationToken);
            });

    public static void AddSetAsideEventMutations(this ObjectGraphType mutation) =>
        mutation.StaffMutation<RetrySetAsideEventInput, SetAsideEvent>("retrySetAsideEvent", RetryAsync,
            "The admin has a set-aside change handled again, once its cause is mended: handled, it leaves the list (and, for the messages, " +
            "whoever it concerns is told now); failing again, it stays, and nothing of the try is kept.",
            payload: "The change as it was set aside, now handled.",
            typeof(EventStillFailsError), typeof(EventNotRetriableError));

    private static async Task<Result<SetAsideEvent>> RetryAsync(MutationCall<RetrySetAsideEventInput> call, StaffUser staff)
    {
        // The outbox is the deployment's, not one region's: a change set aside may concern any region, or none.
        if (!staff.IsAdmin)
        {
            return new NotAllowedError("Only the admin retries a set-aside change.");
        }

        var (input, _, cancellationToken) = call;
        var id = call.Rules.Id(nameof(input.SetAsideEventId), SetAsideEventType.TypeName, input.SetAsideEventId);
        return await call.Service<SetAsideEvents>().RetryAsync(await call.BeginAsync(), id, cancellationToken);
    }
}
