namespace Digibank.Api.Courses;

/// <summary>The partner's offer now says these courses are cancelled.</summary>
public sealed record CoursesCancelled(IReadOnlyList<int> CourseIds, DateTime At) : ICourseWideEvent;
