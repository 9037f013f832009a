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
