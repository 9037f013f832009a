using Digibank.Api.Data;
using Digibank.Api.Participants;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Courses;

/// <summary>
/// Signing people up at the counter (the Inschrijven page and a person's page): the region's courses still open for
/// sign-ups at the staff member's help points, a person's sign-ups, each in a few queries whatever their number; and
/// every change through <see cref="SignUpBook"/>, the same rules as the GraphQL mutations, in one <see cref="StoreWork"/>.
/// </summary>
public sealed class CounterSignUps(IServiceProvider services, IDbContextFactory<DigibankDbContext> dbContextFactory, TimeProvider clock)
{
    /// <summary>A course search shows at most this many courses.</summary>
    public const int PageSize = 20;

    /// <summary>A person's page shows at most this many of their sign-ups, latest course first.</summary>
    public const int HistorySize = 50;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The courses still open for sign-ups that the staff member signs people up for (those at their help points; all
    /// of the region's for a coordinator) whose title holds <paramref name="search"/>, soonest first, with their seats.
    /// </summary>
    public async Task<CoursesFound> SearchAsync(StaffUser me, string? search, CancellationToken cancellationToken)
    {
        if (!CounterPeople.MaySee(me))
        {
            return CoursesFound.None;
        }

        var now = Now;
        var key = TextKey.Fold(search);
        var points = me.HelpPointIds.ToList();
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var courses = await db.Courses.AsNoTracking()
            .Where(c => c.RegionId == me.RegionId && (c.Status == CourseStatus.Scheduled || c.Status == CourseStatus.Full)
                && c.StartsAt > now && (c.SignUpDeadline == null || c.SignUpDeadline > now))
            .Where(c => me.IsCoordinator || (c.HelpPointId != null && points.Contains(c.HelpPointId.Value)))
            .Where(c => key.Length == 0 || c.TitleKey.Contains(key))
            .OrderBy(c => c.StartsAt).ThenBy(c => c.Id).Take(PageSize + 1)
            .Select(c => new { c.Id, c.Title, c.StartsAt, c.HelpPointId, c.VenueName, Town = c.Municipality!.Name, c.Capacity })
            .ToListAsync(cancellationToken);
        var seats = await new SignUpBook(db, now).SeatCountsAsync([.. courses.Select(c => c.Id)], cancellationToken);
        return new CoursesFound(
            [.. courses.Take(PageSize).Select(c => new CounterCourse(c.Id, c.Title, c.StartsAt, c.HelpPointId, c.VenueName, c.Town, c.Capacity, seats[c.Id]))],
            courses.Count > PageSize);
    }

    /// <summary>A person's sign-ups in the region, latest course first: what their page shows.</summary>
    public async Task<IReadOnlyList<PersonSignUp>> OfPersonAsync(StaffUser me, int participantId, CancellationToken cancellationToken)
    {
        if (!CounterPeople.MaySee(me))
        {
            return [];
        }

        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        return await db.SignUps.AsNoTracking()
            .Where(s => s.ParticipantId == participantId && s.RegionId == me.RegionId)
            .OrderByDescending(s => s.Course!.StartsAt).ThenByDescending(s => s.Id).Take(HistorySize)
            .Select(s => new PersonSignUp(s.Id, s.CourseId, s.Course!.Title, s.Course.StartsAt, s.Course.HelpPointId, s.Status, s.WaitlistPosition, s.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Signs a person picked at the counter up: a seat while one is free, else the waiting list.</summary>
    public Task<Result<SignedUp>> SignUpAsync(StaffUser me, int courseId, int participantId, CancellationToken cancellationToken) =>
        StoreWork.RunAsync<SignedUp>(services, async work =>
        {
            var person = await work.Db.Participants.SingleOrDefaultAsync(p => p.Id == participantId && p.RegionId == me.RegionId && p.ErasedAt == null, cancellationToken);
            return person is null
                ? new NotFoundError("There is no such participant.")
                : await new SignUpBook(work.Db, Now).SignUpAsync(new SignUpForCourse(courseId, ResidentDetails.Of(person), JoinWaitingList: true, me), cancellationToken);
        }, cancellationToken);

    /// <summary>Cancels a sign-up for a course at a help point the staff member works at; a freed seat goes to the waiting list.</summary>
    public Task<Result<CancelledSignUp>> CancelAsync(StaffUser me, int signUpId, CancellationToken cancellationToken) =>
        StoreWork.RunAsync(services, work => new SignUpBook(work.Db, Now).CancelAsync(new CancelSignUp(signUpId, null, me), cancellationToken), cancellationToken);
}
