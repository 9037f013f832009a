using System.Globalization;
using Digibank.Api.Data;
using Digibank.Api.Municipalities;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Courses;

/// <summary>
/// The counter's part of courses: the day's sessions at a help point with the people who hold a seat (two statements,
/// however many sessions and people), and the attendance staff tick there, recorded by the rule the GraphQL mutation
/// <c>recordAttendance</c> uses (<see cref="SignUpBook.RecordAttendanceAsync"/>).
/// </summary>
public sealed class CounterSessions(IServiceProvider services, IDbContextFactory<DigibankDbContext> dbContextFactory, TimeProvider clock)
{
    private static readonly StringComparer ByName = StringComparer.Create(CultureInfo.GetCultureInfo("nl-BE"), ignoreCase: true);

    /// <summary>The sessions of today (the region's date) at <paramref name="helpPointId"/>, earliest first; none for someone who does not work there.</summary>
    public async Task<IReadOnlyList<SessionToday>> TodayAsync(int helpPointId, StaffUser staff, CancellationToken cancellationToken)
    {
        if (!staff.CanActFor(helpPointId, staff.RegionId))
        {
            return [];
        }

        var (start, end) = RegionTime.DayOf(clock.GetUtcNow().UtcDateTime);
        var regionId = staff.RegionId;
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var courses = db.Courses.Where(c => c.HelpPointId == helpPointId && c.RegionId == regionId && c.Status != CourseStatus.Cancelled && c.Status != CourseStatus.Withdrawn);
        var sessions = await courses
            .SelectMany(c => c.Sessions.Where(s => s.StartsAt >= start && s.StartsAt < end), (c, s) => new { s.Id, s.CourseId, c.Title, s.StartsAt, s.EndsAt, s.Room, s.CancelledAt })
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);
        if (sessions.Count == 0)
        {
            return [];
        }

        // The seats of the same courses, asked the same way (not by a list of their ids): one statement of one shape.
        var seats = (await courses.Where(c => c.Sessions.Any(s => s.StartsAt >= start && s.StartsAt < end))
                .SelectMany(c => c.SignUps.Where(s => SignUp.SeatTakingStatuses.Contains(s.Status)), (c, s) => new { s.CourseId, Holder = new SeatHolder(s.Id, s.Participant!.FirstName, s.Status) })
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.CourseId, s => s.Holder);
        return [.. sessions.Select(s => new SessionToday(s.Id, s.CourseId, s.Title, s.StartsAt, s.EndsAt, s.Room, s.CancelledAt is not null,
            [.. seats[s.CourseId].OrderBy(h => h.FirstName, ByName).ThenBy(h => h.SignUpId)]))];
    }

    /// <summary>
    /// Records who came and who did not, all in one change: when one mark is refused (a sign-up cancelled meanwhile, a
    /// course of another help point), none is kept.
    /// </summary>
    public async Task<Result<IReadOnlyList<SignUp>>> RecordAttendanceAsync(IReadOnlyCollection<AttendanceMark> marks, StaffUser staff, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await StoreWork.RunAsync<IReadOnlyList<SignUp>>(services, async work =>
        {
            var book = new SignUpBook(work.Db, now);
            var recorded = new List<SignUp>();
            foreach (var mark in marks)
            {
                var result = await book.RecordAttendanceAsync(new RecordAttendance(mark.SignUpId, mark.Attended, staff), cancellationToken);
                if (result.Error is { } refused)
                {
                    return refused;
                }

                recorded.Add(result.Value!);
            }

            return recorded;
        }, cancellationToken);
    }
}
