using Digibank.Api.Data.Outbox;

namespace Digibank.Api.Courses;

/// <summary>A course's seats or waiting list may have changed (once per course per save).</summary>
public sealed record CourseAvailabilityChanged(int CourseId, string CourseTitle, int PartnerId, int MunicipalityId, int? HelpPointId, DateTime At, int? RegionId = null) : IDomainEvent;
