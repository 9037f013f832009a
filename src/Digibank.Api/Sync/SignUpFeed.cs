using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.Data.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Sync;

/// <summary>
/// The partners' sign-up change feed, as a consumer of the outbox: each sign-up change on a partner's
/// course becomes a <see cref="SignUpChange"/> row, saved in one transaction with the feed's position, so
/// each event lands in the feed exactly once. The row's id stays the cursor partners resume from, so the
/// cursors partners stored before the outbox existed keep working.
/// </summary>
public sealed class SignUpFeed : IOutboxConsumer
{
    public const string ConsumerName = "partner-sign-up-feed";

    /// <summary>How long a partner's read waits for changes committed just before it to reach the feed.</summary>
    public static readonly TimeSpan CatchUpTimeout = TimeSpan.FromSeconds(2);

    public string Name => ConsumerName;

    /// <summary>The origin of changes a partner's own upload makes: they came from the partner and are not fed back to it.</summary>
    public static string OriginOf(int partnerId) => $"partner:{partnerId}";

    public async Task HandleAsync(IReadOnlyList<OutboxEvent> events, DigibankDbContext db, CancellationToken cancellationToken)
    {
        var changes = events.Select(e => e.Event).OfType<SignUpChanged>()
            .Where(c => c.IsNew || c.StatusChanged || c.WaitlistPositionChanged)
            .Where(c => !(c.Channel == SignUpChannel.Partner && c.Origin == OriginOf(c.PartnerId)))
            .ToList();
        if (changes.Count == 0)
        {
            return;
        }

        // A sign-up removed since its event (its course deleted) has nothing left to tell the partner.
        var existing = (await changes.Select(c => c.SignUpId).ReadInChunksAsync(
            chunk => db.SignUps.AsNoTracking().Where(s => chunk.Contains(s.Id)).Select(s => s.Id), cancellationToken)).ToHashSet();
        db.SignUpChanges.AddRange(changes.Where(c => existing.Contains(c.SignUpId)).Select(c => new SignUpChange
        {
            SignUpId = c.SignUpId,
            CourseId = c.CourseId,
            PartnerId = c.PartnerId,
            Status = c.Status,
            WaitlistPosition = c.WaitlistPosition,
            ChangedAt = c.ChangedAt,
        }));
    }
}
