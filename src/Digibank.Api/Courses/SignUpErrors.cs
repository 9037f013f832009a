using System.ComponentModel;

namespace Digibank.Api.Courses;

[Description("The course is cancelled, finished or already started.")]
public sealed record CourseNotOpenError(string Message) : UserError(Message, "COURSE_NOT_OPEN");

[Description("The sign-up deadline has passed.")]
public sealed record SignUpDeadlinePassedError(string Message, DateTime Deadline) : UserError(Message, "SIGN_UP_DEADLINE_PASSED");

[Description("This person already has a place or a waiting-list place on the course.")]
public sealed record AlreadySignedUpError(string Message, SignUpStatus Status) : UserError(Message, "ALREADY_SIGNED_UP");

[Description("No seat is free and the waiting list was declined (`joinWaitingList: false`).")]
public sealed record CourseFullError(string Message, int WaitingListLength) : UserError(Message, "COURSE_FULL");

[Description("The sign-up is already cancelled or closed, or is not confirmed.")]
public sealed record SignUpNotActiveError(string Message, SignUpStatus Status) : UserError(Message, "SIGN_UP_NOT_ACTIVE");
