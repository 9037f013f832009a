namespace Digibank.Api.Data.Outbox;

/// <summary>
/// An event a consumer of the outbox could not handle after <see cref="OutboxOptions.MaxAttempts"/> tries: set aside so
/// the events after it go on, kept (and its outbox row with it) until the coordinator has it handled again.
/// </summary>
public sealed class SetAsideEvent
{
    public const int MaxErrorLength = 500;

    public int Id { get; set; }

    public required string Consumer { get; set; }

    /// <summary>The event's sequence in the outbox.</summary>
    public long Sequence { get; set; }

    /// <summary>The event's type name, e.g. <c>CoursesWithdrawn</c>.</summary>
    public required string EventType { get; set; }

    public DateTime OccurredAt { get; set; }

    /// <summary>The dispatcher's tries before it set the event aside.</summary>
    public int Attempts { get; set; }

    /// <summary>What the last try ended with: the kind of failure and its first line, never a value of the event or of SQL.</summary>
    public required string LastError { get; set; }

    public DateTime SetAsideAt { get; set; }
}
