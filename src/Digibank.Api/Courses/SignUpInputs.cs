using Digibank.Api.GraphQL.Mutations;
using Digibank.Api.Participants;
using GraphQL.Types;

namespace Digibank.Api.Courses;

public sealed class SignUpForCourseInput : IResidentInput
{
    public string CourseId { get; set; } = string.Empty;
    public string FirstName { get; set; } = string.Empty;
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string MunicipalityId { get; set; } = string.Empty;
    public TargetGroup TargetGroup { get; set; }
    public bool Consent { get; set; }
    public bool JoinWaitingList { get; set; } = true;
}

public sealed class SignUpForCourseInputType : InputObjectGraphType<SignUpForCourseInput>
{
    public SignUpForCourseInputType()
    {
        Name = "SignUpForCourseInput";
        Description = "Only what the course needs: a first name, one way to reach the person, their town and who they are.";
        Field<NonNullGraphType<IdGraphType>>("courseId");
        Field<NonNullGraphType<StringGraphType>>("firstName").Description("First name only; at most 50 characters.");
        Field<StringGraphType>("email").Description("E-mail address, or leave empty and give a phone number.");
        Field<StringGraphType>("phone").Description("Phone number, or leave empty and give an e-mail address.");
        Field<NonNullGraphType<IdGraphType>>("municipalityId").Description("The town the person lives in.");
        Field<NonNullGraphType<EnumerationGraphType<TargetGroup>>>("targetGroup");
        Field<NonNullGraphType<BooleanGraphType>>("consent").Description("The person agrees that Digibank keeps these details for this course.");
        Field<BooleanGraphType>("joinWaitingList").DefaultValue(true).Description("Take a waiting-list place when the course is full (default), or fail with COURSE_FULL.");
    }
}

public sealed record SignUpForCoursePayload(SignUp? SignUp, string? CancellationToken, IReadOnlyList<UserError> Errors) : IPayload
{
    public static SignUpForCoursePayload Failed(UserError error) => new(null, null, [error]);
}

public sealed class SignUpForCoursePayloadType : PayloadGraphType<SignUpForCoursePayload>
{
    public SignUpForCoursePayloadType()
        : base("SignUpForCourse", "The sign-up, confirmed or on the waiting list.",
            typeof(CourseNotOpenErrorType), typeof(SignUpDeadlinePassedErrorType), typeof(AlreadySignedUpErrorType),
            typeof(CourseFullErrorType), typeof(ConsentRequiredErrorType))
    {
        Field<SignUpType>("signUp").Resolve(context => context.Source.SignUp);
        Field<StringGraphType>("cancellationToken")
            .Description("Keep this to cancel later without an account. It is shown only once.")
            .Resolve(context => context.Source.CancellationToken);
    }
}

public sealed class CancelSignUpInput
{
    public string SignUpId { get; set; } = string.Empty;
    public string? CancellationToken { get; set; }
}

public sealed class CancelSignUpInputType : InputObjectGraphType<CancelSignUpInput>
{
    public CancelSignUpInputType()
    {
        Name = "CancelSignUpInput";
        Field<NonNullGraphType<IdGraphType>>("signUpId");
        Field<StringGraphType>("cancellationToken").Description("The token received at sign-up; staff of the course's help point need none.");
    }
}

public sealed record CancelSignUpPayload(SignUp? SignUp, SignUp? Promoted, IReadOnlyList<UserError> Errors) : IPayload
{
    public static CancelSignUpPayload Failed(UserError error) => new(null, null, [error]);
}

public sealed class CancelSignUpPayloadType : PayloadGraphType<CancelSignUpPayload>
{
    public CancelSignUpPayloadType()
        : base("CancelSignUp", "The cancelled sign-up, and who moved up from the waiting list.",
            typeof(InvalidCancellationTokenErrorType), typeof(SignUpNotActiveErrorType))
    {
        Field<SignUpType>("signUp").Resolve(context => context.Source.SignUp);
        Field<SignUpType>("promoted").Description("The waiting-list sign-up that got the freed seat, if any.").Resolve(context => context.Source.Promoted);
    }
}

public sealed class RecordAttendanceInput
{
    public string SignUpId { get; set; } = string.Empty;
    public bool Attended { get; set; }
}

public sealed class RecordAttendanceInputType : InputObjectGraphType<RecordAttendanceInput>
{
    public RecordAttendanceInputType()
    {
        Name = "RecordAttendanceInput";
        Field<NonNullGraphType<IdGraphType>>("signUpId");
        Field<NonNullGraphType<BooleanGraphType>>("attended").Description("true: came (ATTENDED); false: did not come (NO_SHOW).");
    }
}

public sealed record RecordAttendancePayload(SignUp? SignUp, IReadOnlyList<UserError> Errors) : IPayload
{
    public static RecordAttendancePayload Failed(UserError error) => new(null, [error]);
}

public sealed class RecordAttendancePayloadType : PayloadGraphType<RecordAttendancePayload>
{
    public RecordAttendancePayloadType()
        : base("RecordAttendance", "The sign-up with its attendance.", typeof(SignUpNotActiveErrorType))
    {
        Field<SignUpType>("signUp").Resolve(context => context.Source.SignUp);
    }
}
