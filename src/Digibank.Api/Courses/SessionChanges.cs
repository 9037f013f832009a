using Digibank.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Courses;

/// <summary>
/// One session moved or cancelled on its own date; the course goes ahead. Everyone signed up hears it (the
/// <see cref="CourseSessionChanged"/> event), the calendar feed shows the session moved or CANCELLED, and no reminder
/// is sent for a cancelled one. A partner's next change to the offer replaces its sessions as the partner lists them.
/// </summary>
public static class SessionChanges
{

    public static async Task<Result<CourseSession>> ChangeAsync(DigibankDbContext db, ChangeSession command, DateTime now, CancellationToken cancellationToken)
    {
        var session = await db.CourseSessions.SingleOrDefaultAsync(s => s.Id == command.SessionId, cancellationToken);
        if (session is null)
        {
            return new NotFoundError("There is no such session.");
        }

        await db.LockAsync<Course>(session.CourseId, cancellationToken);
        var course = await db.Courses.Include(c => c.Sessions).SingleAsync(c => c.Id == session.CourseId, cancellationToken);
        if (!command.Staff.CanActFor(course.HelpPointId, course.RegionId))
        {
            return new NotAllowedError("This course is not at a help point you work at.");
        }

        if (course.Status is not (CourseStatus.Scheduled or CourseStatus.Full))
        {
            return new CourseNotOpenError("This course does not go ahead, so its sessions cannot change.");
        }

        var was = session.StartsAt;
        var wasCancelled = session.CancelledAt is not null;
        if (command.Cancelled)
        {
            session.CancelledAt ??= now;
        }
        else
        {
            session.StartsAt = command.StartsAt ?? session.StartsAt;
            session.EndsAt = command.EndsAt ?? session.EndsAt;
            session.CancelledAt = null;
        }

        course.StartsAt = course.Sessions.Where(s => s.CancelledAt is null).Select(s => (DateTime?)s.StartsAt).Min() ?? course.StartsAt;
        course.UpdatedAt = now;
        // Cancelling a session again, or moving it to where it is, tells nobody anything new.
        if (command.Cancelled ? !wasCancelled : wasCancelled || session.StartsAt != was)
        {
            db.Raise(new CourseSessionChanged(course.Id, was, command.Cancelled ? null : session.StartsAt, command.Cancelled, now));
        }

        return session;
    }
}
