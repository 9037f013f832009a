using System.Security.Cryptography;
using System.Text;

namespace Digibank.Api.Notifications;

/// <summary>
/// One message to one person for one reason, written by the outbox consumer in the same transaction as its
/// position, so a restart neither loses nor repeats it. The body is kept no longer than the retention period.
/// </summary>
public sealed class Notification : IEntity
{
    public int Id { get; set; }

    /// <summary>The region (one Digibank) this belongs to: the region of the place where it happens.</summary>
    public int RegionId { get; set; }

    /// <summary>The outbox sequence of the event that caused it; 0 for a reminder, which no event causes.</summary>
    public long EventSequence { get; set; }

    /// <summary>
    /// What a reminder is about, e.g. <c>loan 12 due 2026-12-03</c>, so it goes out once however often the reminders
    /// run; empty for a message about an event. With the event, the person and the reason, unique.
    /// </summary>
    public string Occasion { get; set; } = string.Empty;

    public int ParticipantId { get; set; }

    public NotificationReason Reason { get; set; }

    public NotificationChannel Channel { get; set; }

    public NotificationStatus Status { get; set; }

    /// <summary>The help point whose staff call, or who see a failed delivery.</summary>
    public int? HelpPointId { get; set; }

    public string? Recipient { get; set; }

    public string Subject { get; set; } = string.Empty;

    public string? Body { get; set; }

    public int Attempts { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? SentAt { get; set; }

    /// <summary>
    /// What this message is, as a short name: the same for the same event or occasion, person and reason, however often
    /// it is sent. The local part of its e-mail's Message-ID and the name of its <c>.eml</c> file.
    /// </summary>
    public string MessageKey => KeyOf(EventSequence, ParticipantId, Reason, Occasion);

    public static string KeyOf(long eventSequence, int participantId, NotificationReason reason, string occasion) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(FormattableString.Invariant($"{eventSequence}/{participantId}/{reason}/{occasion}"))))[..32];
}
