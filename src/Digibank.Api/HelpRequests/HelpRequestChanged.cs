using Digibank.Api.Data.Outbox;

namespace Digibank.Api.HelpRequests;

/// <summary>A help request was registered, or its status changed.</summary>
public sealed record HelpRequestChanged(
    int HelpRequestId,
    bool IsNew,
    HelpRequestChannel Channel,
    HelpRequestStatus Status,
    string? TopicName,
    int MunicipalityId,
    int? HelpPointId,
    int? ParticipantId,
    DateTime At,
    int? RegionId = null) : IDomainEvent;
