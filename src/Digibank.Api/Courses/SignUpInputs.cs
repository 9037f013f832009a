using System.ComponentModel;
using Digibank.Api.GraphQL.Mutations;
using Digibank.Api.Participants;
using GraphQL;

namespace Digibank.Api.Courses;

[Description("Only what the course needs: a first name, one way to reach the person, their town and who they are.")]
public sealed record SignUpForCourseInput(
    [property: Id] string CourseId,
    string FirstName,
    string? Email,
    string? Phone,
    [property: Id] string MunicipalityId,
    TargetGroup TargetGroup,
    [property: Description("The person agrees that Digibank keeps these details for this course.")] bool Consent,
    [property: DefaultValue(false)] bool SmsConsent,
    [property: DefaultValue(true), Description("Take a waiting-list place when the course is full (default), or fail with COURSE_FULL.")] bool JoinWaitingList)
    : IResidentInput;

public sealed record SignUpForCoursePayload(
    SignUp? SignUp,
    [property: Description("Keep this to cancel later without an account. It is shown only once.")] string? CancellationToken) : Payload;

public sealed record CancelSignUpInput(
    [property: Id] string SignUpId,
    [property: Description("The token received at sign-up, or the one in the link of a message; staff of the course's help point need none.")] string? CancellationToken);

public sealed record CancelSignUpPayload(
    SignUp? SignUp,
    [property: Description("The waiting-list sign-up that got the freed seat, if any.")] SignUp? Promoted) : Payload;

public sealed record RecordAttendanceInput(
    [property: Id] string SignUpId,
    [property: Description("true: came (ATTENDED); false: did not come (NO_SHOW).")] bool Attended);
