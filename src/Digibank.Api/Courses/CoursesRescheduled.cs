namespace Digibank.Api.Courses;

/// <summary>Sessions of these courses moved, were added, dropped or cancelled (by the partner's offer or by staff); the courses go ahead.</summary>
public sealed record CoursesRescheduled(IReadOnlyList<int> CourseIds, DateTime At) : ICourseWideEvent;
