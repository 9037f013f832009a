using Digibank.Api.GraphQL.Mutations;
using Digibank.Api.Participants;
using Digibank.Api.Staff;
using GraphQL.Types;

namespace Digibank.Api.Courses;

public static class SignUpMutations
{
    public static void AddSignUpMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<SignUpForCourseInput, SignUpForCoursePayload>("signUpForCourse", SignUpForCourseAsync,
            "Signs a resident up for a course: a seat when one is free, otherwise a place on the waiting list. " +
            "Anonymous callers give one contact channel; staff may sign someone up without one (assisted sign-up).",
            payload: "The sign-up, confirmed or on the waiting list.",
            typeof(CourseNotOpenError), typeof(SignUpDeadlinePassedError), typeof(AlreadySignedUpError), typeof(CourseFullError), typeof(ConsentRequiredError));
        mutation.Mutation<CancelSignUpInput, CancelSignUpPayload>("cancelSignUp", CancelSignUpAsync,
            "Cancels a sign-up, by the resident with the token they received or by staff. A freed seat goes to the first on the waiting list.",
            payload: "The cancelled sign-up, and who moved up from the waiting list.",
            typeof(InvalidCancellationTokenError), typeof(SignUpNotActiveError));
        mutation.StaffMutation<RecordAttendanceInput, SignUp>("recordAttendance", RecordAttendanceAsync,
            "Staff record whether a confirmed participant came.", payload: "The sign-up with its attendance.", typeof(SignUpNotActiveError));
    }

    private static async Task<Result<SignUpForCoursePayload>> SignUpForCourseAsync(MutationCall<SignUpForCourseInput> call)
    {
        var (input, now, cancellationToken) = call;
        var courseId = call.Rules.Id(nameof(input.CourseId), CourseType.TypeName, input.CourseId);
        var resident = ResidentDetails.Check(call.Rules, call.Staff, input, "for this course", "the course can reach you");
        var book = new SignUpBook(await call.BeginAsync(), now);
        return (await book.SignUpAsync(new SignUpForCourse(courseId, resident, input.JoinWaitingList, call.Staff), cancellationToken))
            .Map(done => new SignUpForCoursePayload(done.SignUp, done.CancellationToken));
    }

    private static async Task<Result<CancelSignUpPayload>> CancelSignUpAsync(MutationCall<CancelSignUpInput> call)
    {
        var (input, now, cancellationToken) = call;
        var signUpId = call.Rules.Id(nameof(input.SignUpId), SignUpType.TypeName, input.SignUpId);
        call.Rules.Require(call.Staff is not null || !string.IsNullOrWhiteSpace(input.CancellationToken), nameof(input.CancellationToken),
            "Give the cancellation token you received when you signed up.");
        var book = new SignUpBook(await call.BeginAsync(), now, call.Service<SelfServiceLinks>());
        return (await book.CancelAsync(new CancelSignUp(signUpId, input.CancellationToken, call.Staff), cancellationToken))
            .Map(done => new CancelSignUpPayload(done.SignUp, done.Promoted));
    }

    private static async Task<Result<SignUp>> RecordAttendanceAsync(MutationCall<RecordAttendanceInput> call, StaffUser staff)
    {
        var (input, now, cancellationToken) = call;
        var signUpId = call.Rules.Id(nameof(input.SignUpId), SignUpType.TypeName, input.SignUpId);
        var book = new SignUpBook(await call.BeginAsync(), now);
        return await book.RecordAttendanceAsync(new RecordAttendance(signUpId, input.Attended, staff), cancellationToken);
    }
}
