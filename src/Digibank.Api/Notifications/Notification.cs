using System.Security.Cryptography;
using System.Text;
using Digibank.Api.Data.Outbox;

namespace Digibank.Api.Notifications;

/// <summary>Why a person is told something. A person gets at most one message per event and reason.</summary>
public enum NotificationReason
{
    SignUpConfirmed,
    SignUpWaitlisted,
    MovedUpFromWaitingList,
    HomeVisitPlanned,
    CourseWithdrawn,

    /// <summary>The partner's offer now says the course is cancelled.</summary>
    CourseCancelled,

    /// <summary>The partner's offer moved, added or dropped sessions of a course that goes ahead.</summary>
    CourseRescheduled,

    /// <summary>Staff cancelled one session of a course that goes ahead: which one, and which remain.</summary>
    SessionCancelled,

    /// <summary>Staff moved one session of a course that goes ahead: from when to when, and all sessions now.</summary>
    SessionMoved,

    /// <summary>The day before a session, to everyone with a seat.</summary>
    SessionReminder,

    /// <summary>A device is set aside for the first in the queue, to collect before a date.</summary>
    ReservationReady,

    /// <summary>Two days before a loan is due.</summary>
    LoanDueSoon,

    /// <summary>The day after a loan was due and the device is not back.</summary>
    LoanOverdue,
}

public enum NotificationChannel
{
    /// <summary>Over SMTP, or as an <c>.eml</c> file under the data folder when no SMTP server is set.</summary>
    Email,

    /// <summary>A text message through the SMS gateway, to a person who gave a mobile number and agreed to texts.</summary>
    Sms,

    /// <summary>A task on the call list of the help point involved: the person has no e-mail address.</summary>
    CallList,
}

public enum NotificationStatus
{
    Pending,
    Sent,

    /// <summary>Given up after the last retry; staff see it.</summary>
    Failed,
}

/// <summary>
/// One message to one person for one reason, written by the outbox consumer in the same transaction as its
/// position, so a restart neither loses nor repeats it. The body is kept no longer than the retention period.
/// </summary>
public sealed class Notification : IEntity
{
    public int Id { get; set; }

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

public enum CallOutcome
{
    Open,
    Reached,
    NotReached,
}

/// <summary>Someone staff of a help point phone, or visit, because no e-mail or text reaches them: why, and what to say.</summary>
public sealed class CallTask : IEntity
{
    public int Id { get; set; }

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

/// <summary>Someone was put on the call list of a help point; the staff there see it arrive.</summary>
public sealed record CallTaskAdded(int CallTaskId, int? HelpPointId, NotificationReason Reason, DateTime At) : IDomainEvent;
