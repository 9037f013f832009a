using Digibank.Api.Participants;

namespace Digibank.Api.Notifications;

/// <summary>
/// One message to write: to whom, why, in which language, with what facts; the help point whose staff call when
/// nothing else reaches the person; what caused it (an event's sequence, or a reminder's occasion); and the
/// sign-up or reservation its self-service links act on.
/// </summary>
public sealed record Outgoing(
    Participant Person,
    NotificationReason Reason,
    string Language,
    MessageFacts Facts,
    int? HelpPointId,
    DateTime At,
    long EventSequence = 0,
    string Occasion = "",
    int? SignUpId = null,
    int? ReservationId = null);
