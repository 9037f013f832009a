namespace Digibank.Api.Courses;

/// <summary>Courses taken out of the catalogue (a partner's upload, a coordinator's confirmation): their participants are told.</summary>
public sealed record CoursesWithdrawn(IReadOnlyList<int> CourseIds, DateTime At) : ICourseWideEvent;
