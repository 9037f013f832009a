namespace Digibank.Api.Data.Outbox;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Off: events stay in the outbox until a dispatcher that is on handles them (tests use it to stop between commit and dispatch).</summary>
    public bool Dispatch { get; set; } = true;

    /// <summary>The safety net beside the wake-up after each commit: commits by another process, a missed wake-up, a failed consumer's retry.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a round waits after the commit that woke it. The dashboard's subscribers have that commit's events
    /// from the fast path already; a round started at once (the partner feed, the notifications, their SQL) took the
    /// cores while those events went out to a thousand sockets. Commits within the wait share one round.
    /// </summary>
    public TimeSpan RoundDelayAfterCommit { get; set; } = TimeSpan.FromMilliseconds(40);

    /// <summary>Events every consumer has handled are deleted once they are this old.</summary>
    public double RetentionDays { get; set; } = 7;

    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// Tries of one event by one consumer before it is set aside and the consumer goes on with the next. A batch that
    /// fails is handed over again one event at a time, so only the event that fails is set aside.
    /// </summary>
    public int MaxAttempts { get; set; } = 5;
}
