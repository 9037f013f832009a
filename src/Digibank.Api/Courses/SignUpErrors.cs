using Digibank.Api.GraphQL.Mutations;
using GraphQL.Types;

namespace Digibank.Api.Courses;

public sealed record CourseNotOpenError(string Message) : UserError(Message)
{
    public override string Code => "COURSE_NOT_OPEN";
}

public sealed record SignUpDeadlinePassedError(string Message, DateTime Deadline) : UserError(Message)
{
    public override string Code => "SIGN_UP_DEADLINE_PASSED";
}

public sealed record AlreadySignedUpError(string Message, SignUpStatus Status) : UserError(Message)
{
    public override string Code => "ALREADY_SIGNED_UP";
}

public sealed record CourseFullError(string Message, int WaitingListLength) : UserError(Message)
{
    public override string Code => "COURSE_FULL";
}

public sealed record InvalidCancellationTokenError(string Message) : UserError(Message)
{
    public override string Code => "INVALID_CANCELLATION_TOKEN";
}

public sealed record SignUpNotActiveError(string Message, SignUpStatus Status) : UserError(Message)
{
    public override string Code => "SIGN_UP_NOT_ACTIVE";
}

public sealed class CourseNotOpenErrorType : UserErrorType<CourseNotOpenError>
{
    public CourseNotOpenErrorType() => Description = "The course is cancelled, finished or already started.";
}

public sealed class SignUpDeadlinePassedErrorType : UserErrorType<SignUpDeadlinePassedError>
{
    public SignUpDeadlinePassedErrorType()
    {
        Description = "The sign-up deadline has passed.";
        Field(e => e.Deadline);
    }
}

public sealed class AlreadySignedUpErrorType : UserErrorType<AlreadySignedUpError>
{
    public AlreadySignedUpErrorType()
    {
        Description = "This person already has a place or a waiting-list place on the course.";
        Field(e => e.Status, type: typeof(NonNullGraphType<EnumerationGraphType<SignUpStatus>>));
    }
}

public sealed class CourseFullErrorType : UserErrorType<CourseFullError>
{
    public CourseFullErrorType()
    {
        Description = "No seat is free and the waiting list was declined (`joinWaitingList: false`).";
        Field(e => e.WaitingListLength);
    }
}

public sealed class InvalidCancellationTokenErrorType : UserErrorType<InvalidCancellationTokenError>
{
    public InvalidCancellationTokenErrorType() => Description = "The cancellation token does not belong to this sign-up.";
}

public sealed class SignUpNotActiveErrorType : UserErrorType<SignUpNotActiveError>
{
    public SignUpNotActiveErrorType()
    {
        Description = "The sign-up is already cancelled or closed, or is not confirmed.";
        Field(e => e.Status, type: typeof(NonNullGraphType<EnumerationGraphType<SignUpStatus>>));
    }
}
