namespace Digibank.Api.Courses;

public enum CourseLevel
{
    Beginner,
    Intermediate,
    Advanced,
}
