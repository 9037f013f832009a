using Digibank.Api.Courses;

namespace Digibank.Api.Sync;

/// <summary>An offer that passed the checks, mapped onto the catalogue's terms.</summary>
public sealed record ValidOffer(
    string ExternalId,
    string SourceHash,
    string Title,
    string Summary,
    CourseLevel Level,
    CourseLanguage Language,
    IReadOnlyList<int> TopicIds,
    IReadOnlyList<TargetGroup> TargetGroups,
    int? HelpPointId,
    string? VenueName,
    string? VenueStreet,
    int MunicipalityId,
    int Capacity,
    int PriceCents,
    int? ReducedPriceCents,
    DateTime? SignUpDeadline,
    CourseStatus Status,
    bool WheelchairAccessible,
    string? AccessibilityNotes,
    IReadOnlyList<(DateTime StartsAt, DateTime EndsAt, string? Room)> Sessions,
    int RegionId);
