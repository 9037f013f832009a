using Digibank.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Notifications;

/// <summary>The rules of the call list: staff of the task's help point call; reached is done, not reached stays on the list.</summary>
public static class CallList
{
    public static async Task<Result<CallTask>> MarkCalledAsync(DigibankDbContext db, MarkCalled command, DateTime now, CancellationToken cancellationToken)
    {
        var task = await db.CallTasks.SingleOrDefaultAsync(t => t.Id == command.CallTaskId, cancellationToken);
        if (task is null)
        {
            return new NotFoundError("There is no such call task.");
        }

        if (!command.Staff.CanActFor(task.HelpPointId, task.RegionId))
        {
            return new NotAllowedError("This call task is for a help point you do not work at.");
        }

        if (task.Outcome == CallOutcome.Reached)
        {
            return new CallTaskDoneError("This person was reached already.");
        }

        // Not reached keeps the task on the list for another try, with who tried last and when.
        task.Outcome = command.Reached ? CallOutcome.Reached : CallOutcome.NotReached;
        task.CalledAt = now;
        task.CalledBy = command.Staff.Name;
        return task;
    }
}
