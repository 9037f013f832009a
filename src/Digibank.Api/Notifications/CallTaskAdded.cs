using Digibank.Api.Data.Outbox;

namespace Digibank.Api.Notifications;

/// <summary>Someone was put on the call list of a help point; the staff there see it arrive.</summary>
public sealed record CallTaskAdded(int CallTaskId, int? HelpPointId, NotificationReason Reason, DateTime At, int? RegionId = null) : IDomainEvent;
