using Digibank.Api.Courses;

namespace Digibank.Api.Finder;

/// <summary>The upcoming courses on a question's topics, of one region or of all (<paramref name="RegionId"/> null), in the order the answer lists them.</summary>
public sealed record CourseSuggestions(UpcomingCourseIndex Index, IReadOnlyCollection<int> TopicIds, IReadOnlyList<int> MunicipalityOrder, DateTime Now, int? RegionId = null)
{
    public IEnumerable<UpcomingCourse> Ranked() =>
        RegionId is { } region ? Index.Ranked(TopicIds, MunicipalityOrder, Now).Where(c => c.RegionId == region) : Index.Ranked(TopicIds, MunicipalityOrder, Now);

    /// <summary>
    /// The course as a row that holds only what memory has (id, title, start, town), as a projection would read it:
    /// it is shown only to a selection that asks for no more (<see cref="HelpForCourses"/>).
    /// </summary>
    public Course AsRow(UpcomingCourse course) => new()
    {
        Id = course.Id,
        Title = course.Title,
        Summary = string.Empty,
        ExternalId = string.Empty,
        StartsAt = course.StartsAt,
        MunicipalityId = course.MunicipalityId,
        Municipality = Index.Municipalities.GetValueOrDefault(course.MunicipalityId),
    };
}
