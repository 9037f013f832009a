namespace Digibank.Api.Courses;

public enum CourseLanguage
{
    Dutch,
    PlainDutch,
    French,
    English,
}
