using Digibank.Api.GraphQL.Mutations;
using Digibank.Api.Staff;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.HelpPoints;

public static class ClosureMutations
{
    public static readonly TimeSpan LongestClosure = TimeSpan.FromDays(366);

    public static void AddClosureMutations(this ObjectGraphType mutation)
    {
        mutation.StaffMutation<AddClosureInput, Closure>("addClosure", AddAsync,
            "Staff of a help point (or the coordinator) close it for a while although its weekly hours say open: a summer closure, a day off, " +
            "an evening. `isOpenNow`, `nextOpenAt` and `helpFor` respect it at once. Public holidays need no closure.",
            payload: "The closure.");
        mutation.StaffMutation<RemoveClosureInput, Closure>("removeClosure", RemoveAsync,
            "Takes a closure away again, e.g. when the summer closure is shortened.", payload: "The closure that was removed.");
    }

    private static async Task<Result<Closure>> AddAsync(MutationCall<AddClosureInput> call, StaffUser staff)
    {
        var (input, now, cancellationToken) = call;
        var helpPointId = call.Rules.Id(nameof(input.HelpPointId), HelpPointType.TypeName, input.HelpPointId);
        var reason = call.Rules.Text(nameof(input.Reason), input.Reason, 100);
        call.Rules.Require(input.EndsAt > input.StartsAt, nameof(input.EndsAt), "A closure ends after it starts.");
        call.Rules.Require(input.EndsAt - input.StartsAt <= LongestClosure, nameof(input.EndsAt), "A closure lasts at most a year.");
        call.Rules.Require(input.EndsAt > now, nameof(input.EndsAt), "This closure is over already.");
        if (!staff.CanActFor(helpPointId))
        {
            return new NotAllowedError("You can close only the help points you work at.");
        }

        var db = await call.BeginAsync();
        if (!await db.HelpPoints.AnyAsync(h => h.Id == helpPointId, cancellationToken))
        {
            return new NotFoundError("There is no such help point.");
        }

        db.Raise(new HelpPointCalendarChanged(helpPointId, now));
        return db.Closures.Add(new Closure
        {
            HelpPointId = helpPointId,
            StartsAt = input.StartsAt.ToUniversalTime(),
            EndsAt = input.EndsAt.ToUniversalTime(),
            Reason = reason!,
            CreatedAt = now,
            CreatedBy = staff.Subject,
        }).Entity;
    }

    private static async Task<Result<Closure>> RemoveAsync(MutationCall<RemoveClosureInput> call, StaffUser staff)
    {
        var (input, _, cancellationToken) = call;
        var closureId = call.Rules.Id(nameof(input.ClosureId), ClosureType.TypeName, input.ClosureId);
        var db = await call.BeginAsync();
        var closure = await db.Closures.SingleOrDefaultAsync(c => c.Id == closureId, cancellationToken);
        if (closure is null)
        {
            return new NotFoundError("There is no such closure.");
        }

        if (!staff.CanActFor(closure.HelpPointId))
        {
            return new NotAllowedError("This closure is of a help point you do not work at.");
        }

        db.Closures.Remove(closure);
        db.Raise(new HelpPointCalendarChanged(closure.HelpPointId, call.Now));
        return closure;
    }
}
