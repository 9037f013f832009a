using Digibank.Api.GraphQL.Mutations;
using Digibank.Api.Staff;
using GraphQL.Types;

namespace Digibank.Api.Courses;

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
