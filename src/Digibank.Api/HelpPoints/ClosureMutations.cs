using Digibank.Api.GraphQL.Mutations;
using Digibank.Api.Staff;
using GraphQL.Types;

namespace Digibank.Api.HelpPoints;

public static class ClosureMutations
{
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
        var command = ClosureBook.Check(call.Rules, new AddClosure(helpPointId, input.StartsAt, input.EndsAt, input.Reason, staff), now);
        var book = new ClosureBook(await call.BeginAsync(), now);
        return await book.AddAsync(command, cancellationToken);
    }

    private static async Task<Result<Closure>> RemoveAsync(MutationCall<RemoveClosureInput> call, StaffUser staff)
    {
        var (input, now, cancellationToken) = call;
        var closureId = call.Rules.Id(nameof(input.ClosureId), ClosureType.TypeName, input.ClosureId);
        var book = new ClosureBook(await call.BeginAsync(), now);
        return await book.RemoveAsync(new RemoveClosure(closureId, staff), cancellationToken);
    }
}
