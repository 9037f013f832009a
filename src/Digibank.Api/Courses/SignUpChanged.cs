using Digibank.Api.Data.Outbox;

namespace Digibank.Api.Courses;

/// <summary>
/// A sign-up was made, or its status or place on the waiting list changed. Carries what its consumers
/// need, so none has to read the course again: the partner feed, the dashboard, the notifications.
/// </summary>
public sealed record SignUpChanged(
    int SignUpId,
    int CourseId,
    string CourseTitle,
    int PartnerId,
    int MunicipalityId,
    int? HelpPointId,
    int ParticipantId,
    SignUpChannel Channel,
    SignUpStatus Status,
    int? WaitlistPosition,
    bool IsNew,
    bool StatusChanged,
    bool WaitlistPositionChanged,
    DateTime ChangedAt,
    string? Origin,
    DateTime At,
    int? RegionId = null) : IDomainEvent;
