using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.Data.Outbox;
using Digibank.Api.Participants;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Privacy;

/// <summary>
/// Raises <see cref="ParticipantErased"/> for every person a save erases, whichever way (<see cref="ParticipantPrivacy.EraseAsync"/>,
/// the retention sweep): their <c>ErasedAt</c> is set in that save, so the event is written in the erasure's own transaction.
/// </summary>
public sealed class ErasureEvents : IDomainEventSource
{
    public async ValueTask<IReadOnlyList<Func<IDomainEvent>>> RaiseAsync(DigibankDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var erased = db.ChangeTracker.Entries<Participant>()
            .Where(e => e.State == EntityState.Modified && e.Property(p => p.ErasedAt).OriginalValue is null && e.Entity.ErasedAt is not null)
            .Select(e => e.Entity.Id)
            .ToList();
        if (erased.Count == 0)
        {
            return [];
        }

        var signUps = (await db.SignUps.AsNoTracking()
            .Where(s => erased.Contains(s.ParticipantId))
            .OrderBy(s => s.Id)
            .Select(s => new { s.ParticipantId, SignUp = new ErasedSignUp(s.Id, s.CourseId, s.Course!.PartnerId, s.Channel) })
            .ToListAsync(cancellationToken))
            .ToLookup(s => s.ParticipantId, s => s.SignUp);
        return [.. erased.Select(id => (Func<IDomainEvent>)(() => new ParticipantErased(id, [.. signUps[id]], now)))];
    }
}
