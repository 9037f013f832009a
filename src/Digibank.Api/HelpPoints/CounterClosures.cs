using Digibank.Api.Data;
using Digibank.Api.Municipalities;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.HelpPoints;

/// <summary>
/// A help point's closures at the counter: the ones still to come or going on (one statement), and closing or reopening
/// by whole days, through <see cref="ClosureBook"/>, the rules the GraphQL mutations <c>addClosure</c> and
/// <c>removeClosure</c> use.
/// </summary>
public sealed class CounterClosures(IServiceProvider services, IDbContextFactory<DigibankDbContext> dbContextFactory, TimeProvider clock)
{
    /// <summary>The closures of <paramref name="helpPointId"/> that are not over, soonest first; none for someone who does not work there.</summary>
    public async Task<IReadOnlyList<Closure>> NotOverAsync(int helpPointId, StaffUser staff, CancellationToken cancellationToken)
    {
        var regionId = staff.RegionId;
        if (!staff.CanActFor(helpPointId, regionId))
        {
            return [];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Closures
            .Where(c => c.HelpPointId == helpPointId && c.EndsAt > now && db.Set<HelpPoint>().Any(h => h.Id == helpPointId && h.RegionId == regionId))
            .OrderBy(c => c.StartsAt).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Closes the point from the start of <paramref name="firstDay"/> to the end of <paramref name="lastDay"/> (the region's
    /// days). Every refusal at once, each naming its field (<c>startsAt</c>, <c>endsAt</c>, <c>reason</c>), or none when it is closed.
    /// </summary>
    public async Task<IReadOnlyList<UserError>> AddAsync(int helpPointId, DateOnly firstDay, DateOnly lastDay, string? reason, StaffUser staff, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rules = new InputRules();
        var startsAt = RegionTime.ToUtc(firstDay.ToDateTime(TimeOnly.MinValue));
        var endsAt = RegionTime.ToUtc(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var command = ClosureBook.Check(rules, new AddClosure(helpPointId, startsAt, endsAt, reason, staff), now);
        if (rules.Failed)
        {
            return rules.Errors;
        }

        var added = await StoreWork.RunAsync(services, work => new ClosureBook(work.Db, now).AddAsync(command, cancellationToken), cancellationToken);
        return added.Error is { } refused ? [refused] : [];
    }

    /// <summary>Takes a closure away again; the point opens as its weekly hours say.</summary>
    public async Task<UserError?> RemoveAsync(int closureId, StaffUser staff, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var removed = await StoreWork.RunAsync(services, work => new ClosureBook(work.Db, now).RemoveAsync(new RemoveClosure(closureId, staff), cancellationToken), cancellationToken);
        return removed.Error;
    }
}
