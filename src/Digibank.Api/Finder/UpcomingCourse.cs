namespace Digibank.Api.Finder;

/// <summary>A course that goes ahead and has not started, with what a help finder's answer shows of it.</summary>
public sealed record UpcomingCourse(int Id, string Title, DateTime StartsAt, int MunicipalityId, int RegionId);
