using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.Data.Outbox;
using Digibank.Api.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Sync;

/// <summary>
/// The partners' sign-up change feed, as a consumer of the outbox: each sign-up change on a partner's
/// course becomes a <see cref="SignUpChange"/> row, saved in one transaction with the feed's position, so
/// each event lands in the feed exactly once. The row's id stays the cursor partners resume from, so the
/// cursors partners stored before the outbox existed keep working. An erased person's sign-ups get an erasure
/// notice each, for the partner of its course to forget them.
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
        if (changes.Count > 0)
        {
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

        if (events.Any(e => e.Event is ParticipantErased))
        {
            await AddErasureNoticesAsync([.. events.Select(e => e.Event).OfType<ParticipantErased>()], [.. changes.Select(c => c.SignUpId)], db, cancellationToken);
        }
    }

    /// <summary>
    /// A notice is a change of its own, so a partner already past every earlier change of the sign-up still gets it;
    /// the feed reads it as an erasure because the person is erased by then (<c>SignUpChangeEvent.erased</c>).
    /// </summary>
    private static async Task AddErasureNoticesAsync(List<ParticipantErased> erasures, HashSet<int> toldInThisBatch, DigibankDbContext db, CancellationToken cancellationToken)
    {
        var current = await erasures.SelectMany(e => e.SignUps).Select(s => s.SignUpId).ReadInChunksAsync(
            chunk => db.SignUps.AsNoTracking().Where(s => chunk.Contains(s.Id))
                .Select(s => new { s.Id, s.Status, s.WaitlistPosition, Told = db.Set<SignUpChange>().Any(c => c.SignUpId == s.Id) }),
            s => s.Id,
            cancellationToken);
        foreach (var erasure in erasures)
        {
            foreach (var signUp in erasure.SignUps)
            {
                // A sign-up the partner took and closed itself, which the feed never told of, holds nothing the partner learnt here.
                if (current.TryGetValue(signUp.SignUpId, out var state)
                    && (signUp.Channel != SignUpChannel.Partner || state.Told || toldInThisBatch.Contains(signUp.SignUpId)))
                {
                    db.SignUpChanges.Add(new SignUpChange
                    {
                        SignUpId = signUp.SignUpId,
                        CourseId = signUp.CourseId,
                        PartnerId = signUp.PartnerId,
                        Status = state.Status,
                        WaitlistPosition = state.WaitlistPosition,
                        ChangedAt = erasure.At,
                    });
                }
            }
        }
    }
}
