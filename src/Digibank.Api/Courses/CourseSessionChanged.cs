using System.Text.Json.Serialization;

namespace Digibank.Api.Courses;

/// <summary>
/// One session of a course moved or cancelled by staff, on the date it had: the course goes ahead. Everyone signed up
/// is told which session changed and which remain.
/// </summary>
public sealed record CourseSessionChanged(int CourseId, DateTime SessionWas, DateTime? MovedTo, bool Cancelled, DateTime At) : ICourseWideEvent
{
    [JsonIgnore]
    public IReadOnlyList<int> CourseIds => [CourseId];
}
