namespace Digibank.Api.Courses;

public enum CourseStatus
{
    Scheduled,
    Full,
    Cancelled,
    Finished,
    Withdrawn,
}
