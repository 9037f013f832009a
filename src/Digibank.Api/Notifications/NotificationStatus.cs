namespace Digibank.Api.Notifications;

public enum NotificationStatus
{
    Pending,
    Sent,

    /// <summary>Given up after the last retry; staff see it.</summary>
    Failed,
}
