using Digibank.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.HelpPoints;

/// <summary>
/// The rules of a help point's closures, whoever asks: a closure ends after it starts, lasts at most a year and is not
/// over yet; staff close and reopen only the points they work at (the coordinator any). Every change tells the help
/// point's calendar (<see cref="HelpPointCalendarChanged"/>). Works inside the caller's transaction on the caller's context.
/// </summary>
public sealed class ClosureBook(DigibankDbContext db, DateTime now)
{
    public const int MaxReasonLength = 100;

    public static readonly TimeSpan LongestClosure = TimeSpan.FromDays(366);

    /// <summary>The refusals of <see cref="Check"/> on <c>endsAt</c>, by which a page tells them apart in its own words.</summary>
    public const string EndsBeforeItStarts = "A closure ends after it starts.";

    public const string LongerThanAYear = "A closure lasts at most a year.";

    public const string OverAlready = "This closure is over already.";

    /// <summary>
    /// The closure's own shape, before any database is asked: every failure goes into <paramref name="rules"/>, so a client
    /// hears of all of them at once. Returns the command with its reason trimmed.
    /// </summary>
    public static AddClosure Check(InputRules rules, AddClosure command, DateTime now)
    {
        var reason = rules.Text(nameof(command.Reason), command.Reason, MaxReasonLength);
        rules.Require(command.EndsAt > command.StartsAt, nameof(command.EndsAt), EndsBeforeItStarts);
        rules.Require(command.EndsAt - command.StartsAt <= LongestClosure, nameof(command.EndsAt), LongerThanAYear);
        rules.Require(command.EndsAt > now, nameof(command.EndsAt), OverAlready);
        return command with { Reason = reason };
    }

    /// <summary>Adds a closure that <see cref="Check"/> accepted.</summary>
    public async Task<Result<Closure>> AddAsync(AddClosure command, CancellationToken cancellationToken)
    {
        var (helpPointId, startsAt, endsAt, reason, staff) = command;
        if (await db.HelpPoints.Where(h => h.Id == helpPointId).Select(h => (int?)h.RegionId).SingleOrDefaultAsync(cancellationToken) is not { } regionId)
        {
            return staff.IsCoordinator ? new NotFoundError("There is no such help point.") : new NotAllowedError("You can close only the help points you work at.");
        }

        if (!staff.CanActFor(helpPointId, regionId))
        {
            return new NotAllowedError("You can close only the help points you work at.");
        }

        db.Raise(new HelpPointCalendarChanged(helpPointId, now));
        return db.Closures.Add(new Closure
        {
            HelpPointId = helpPointId,
            StartsAt = startsAt.ToUniversalTime(),
            EndsAt = endsAt.ToUniversalTime(),
            Reason = reason!,
            CreatedAt = now,
            CreatedBy = staff.Subject,
        }).Entity;
    }

    public async Task<Result<Closure>> RemoveAsync(RemoveClosure command, CancellationToken cancellationToken)
    {
        var closure = await db.Closures.SingleOrDefaultAsync(c => c.Id == command.ClosureId, cancellationToken);
        if (closure is null)
        {
            return new NotFoundError("There is no such closure.");
        }

        var regionId = await db.HelpPoints.Where(h => h.Id == closure.HelpPointId).Select(h => h.RegionId).SingleAsync(cancellationToken);
        if (!command.Staff.CanActFor(closure.HelpPointId, regionId))
        {
            return new NotAllowedError("This closure is of a help point you do not work at.");
        }

        db.Closures.Remove(closure);
        db.Raise(new HelpPointCalendarChanged(closure.HelpPointId, now));
        return closure;
    }
}
