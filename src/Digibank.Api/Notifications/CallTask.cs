namespace Digibank.Api.Notifications;

/// <summary>Someone staff of a help point phone, or visit, because no e-mail or text reaches them: why, and what to say.</summary>
public sealed class CallTask : IEntity
{
    public int Id { get; set; }

    /// <summary>The region (one Digibank) this belongs to: the region of the place where it happens.</summary>
    public int RegionId { get; set; }

    public int NotificationId { get; set; }

    public Notification? Notification { get; set; }

    public int ParticipantId { get; set; }

    public int? HelpPointId { get; set; }

    public NotificationReason Reason { get; set; }

    /// <summary>The text to read out.</summary>
    public string? Script { get; set; }

    public CallOutcome Outcome { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? CalledAt { get; set; }

    public string? CalledBy { get; set; }
}
