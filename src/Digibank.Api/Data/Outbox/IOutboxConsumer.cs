namespace Digibank.Api.Data.Outbox;

/// <summary>
/// A consumer of the outbox: the partners' sign-up change feed, the dashboard's subscriptions and the
/// notifications. It gets every event once in sequence order, or again after a failure before its position was
/// saved (at least once, never out of order). An event it fails on <see cref="OutboxOptions.MaxAttempts"/> times
/// is set aside (<see cref="SetAsideEvent"/>), so one event it cannot handle does not hold back all that follow.
/// </summary>
public interface IOutboxConsumer
{
    /// <summary>The name its position is stored under; it must not change.</summary>
    string Name { get; }

    /// <summary>
    /// True for a consumer that must not act on the past when it first runs (notifications: nobody should get an
    /// e-mail about last week's sign-up on the day the feature is switched on). It then starts at the newest event.
    /// </summary>
    bool StartsAtNewest => false;

    /// <summary>
    /// Handles a batch of events. Rows it adds to <paramref name="db"/> (without saving) are saved together
    /// with its new position, in one transaction, after it returns: a database consumer handles each event exactly once.
    /// </summary>
    Task HandleAsync(IReadOnlyList<OutboxEvent> events, DigibankDbContext db, CancellationToken cancellationToken);
}
