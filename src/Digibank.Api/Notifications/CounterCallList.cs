using Digibank.Api.Data;
using Digibank.Api.Participants;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Notifications;

/// <summary>
/// The call list at the counter: the help point's open tasks with the person's name and phone (one statement, however
/// many), and the outcome of a call, recorded by the rule the GraphQL mutation <c>markCalled</c> uses
/// (<see cref="CallList.MarkCalledAsync"/>).
/// </summary>
public sealed class CounterCallList(IServiceProvider services, IDbContextFactory<DigibankDbContext> dbContextFactory, TimeProvider clock)
{
    /// <summary>The tasks of <paramref name="helpPointId"/> not done yet, the oldest first, as the GraphQL <c>callList</c> lists them.</summary>
    public async Task<IReadOnlyList<CallToMake>> OpenAsync(int helpPointId, StaffUser staff, CancellationToken cancellationToken)
    {
        if (!staff.CanActFor(helpPointId, staff.RegionId))
        {
            return [];
        }

        var regionId = staff.RegionId;
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        return await (
                from task in db.CallTasks
                where task.HelpPointId == helpPointId && task.RegionId == regionId && task.Outcome != CallOutcome.Reached
                join person in db.Participants on task.ParticipantId equals person.Id
                orderby task.CreatedAt, task.Id
                select new CallToMake(task.Id, person.FirstName, person.Phone, task.Reason, task.Script, task.Outcome, task.CreatedAt, task.CalledAt, task.CalledBy))
            .Take(500)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Staff called the person of <paramref name="callTaskId"/>: reached (done), or not reached (the task stays for another try).</summary>
    public Task<Result<CallTask>> MarkCalledAsync(int callTaskId, bool reached, StaffUser staff, CancellationToken cancellationToken) =>
        StoreWork.RunAsync(services, work => CallList.MarkCalledAsync(work.Db, new MarkCalled(callTaskId, reached, staff), clock.GetUtcNow().UtcDateTime, cancellationToken), cancellationToken);
}
