using System.ComponentModel;
using System.Text.Json.Serialization;
using Digibank.Api.Data;
using Digibank.Api.GraphQL.Mutations;
using Digibank.Api.Staff;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Courses;

/// <summary>Move one session of a course, or cancel it, as staff of the course's help point.</summary>
public sealed record ChangeSession(int SessionId, DateTime? StartsAt, DateTime? EndsAt, bool Cancelled, StaffUser Staff);

/// <summary>
/// One session of a course moved or cancelled by staff, on the date it had: the course goes ahead. Everyone signed up
/// is told which session changed and which remain.
/// </summary>
public sealed record CourseSessionChanged(int CourseId, DateTime SessionWas, DateTime? MovedTo, bool Cancelled, DateTime At) : ICourseWideEvent
{
    [JsonIgnore]
    public IReadOnlyList<int> CourseIds => [CourseId];
}

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
        if (!command.Staff.CanActFor(course.HelpPointId))
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

public static class SessionMutations
{
    public static void AddSessionMutations(this ObjectGraphType mutation) =>
        mutation.StaffMutation<ChangeCourseSessionInput, CourseSession>("changeCourseSession", ChangeAsync,
            "Staff of the course's help point move one session to another time, or cancel it (`cancelled: true`); the course goes ahead. " +
            "Everyone signed up is told, and the calendar feed follows.",
            payload: "The session as it is now.",
            typeof(CourseNotOpenError));

    private static async Task<Result<CourseSession>> ChangeAsync(MutationCall<ChangeCourseSessionInput> call, StaffUser staff)
    {
        var (input, now, cancellationToken) = call;
        var sessionId = call.Rules.Id(nameof(input.SessionId), CourseSessionType.TypeName, input.SessionId);
        call.Rules.Require(input.Cancelled || (input.StartsAt is not null && input.EndsAt is not null), nameof(input.StartsAt),
            "Give the new start and end, or cancel the session.");
        if (input is { Cancelled: false, StartsAt: { } startsAt, EndsAt: { } endsAt })
        {
            call.Rules.Require(endsAt > startsAt && endsAt - startsAt <= TimeSpan.FromHours(12), nameof(input.EndsAt), "A session ends after it starts, within 12 hours.");
            call.Rules.Require(startsAt > now, nameof(input.StartsAt), "A session can only move to a time still to come.");
        }

        return await SessionChanges.ChangeAsync(await call.BeginAsync(),
            new ChangeSession(sessionId, input.StartsAt?.ToUniversalTime(), input.EndsAt?.ToUniversalTime(), input.Cancelled, staff), now, cancellationToken);
    }
}

public sealed record ChangeCourseSessionInput(
    [property: Id] string SessionId,
    [property: Description("The new start; with endsAt, to move the session.")] DateTime? StartsAt,
    [property: Description("The new end.")] DateTime? EndsAt,
    [property: DefaultValue(false), Description("True to cancel this one session.")] bool Cancelled);
