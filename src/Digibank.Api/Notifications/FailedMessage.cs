namespace Digibank.Api.Notifications;

/// <summary>A message that did not arrive: why it was sent, how, to which address, and how the person can be reached otherwise.</summary>
public sealed record FailedMessage(
    int Id,
    NotificationReason Reason,
    NotificationChannel Channel,
    string Subject,
    string? Recipient,
    int Attempts,
    string? LastError,
    DateTime CreatedAt,
    int? HelpPointId,
    string? FirstName,
    string? Phone,
    string? Email);
