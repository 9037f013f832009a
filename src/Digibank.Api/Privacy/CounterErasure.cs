using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.Devices;
using Digibank.Api.HelpRequests;
using Digibank.Api.Notifications;
using Digibank.Api.Participants;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Privacy;

/// <summary>
/// Erasing a person at the counter (Gegevens wissen): first what the erasure will take and what stays, in one query;
/// then the erasure itself through <see cref="ParticipantPrivacy.EraseOnRequestAsync"/>, as <c>eraseParticipant</c>
/// does it, so only the region's coordinator erases, and not while a device is on loan.
/// </summary>
public sealed class CounterErasure(IServiceProvider services, IDbContextFactory<DigibankDbContext> dbContextFactory, MailFolder mailFolder, TimeProvider clock)
{
    /// <summary>The person as they are now and what the erasure would do; null for anyone but their region's coordinator, and for someone erased already.</summary>
    public async Task<ErasurePreview?> PreviewAsync(StaffUser staff, int participantId, CancellationToken cancellationToken)
    {
        if (!staff.IsCoordinator || staff.RegionId is not { } regionId)
        {
            return null;
        }

        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Participants.AsNoTracking()
            .Where(p => p.Id == participantId && p.RegionId == regionId && p.ErasedAt == null)
            .Select(p => new ErasurePreview(
                p.Id,
                p.FirstName,
                p.Email,
                p.Phone,
                db.Set<SignUp>().Count(s => s.ParticipantId == p.Id && (s.Status == SignUpStatus.Confirmed || s.Status == SignUpStatus.Waitlisted)),
                db.Set<Reservation>().Count(r => r.ParticipantId == p.Id && (r.Status == ReservationStatus.Waiting || r.Status == ReservationStatus.Ready)),
                db.Set<Notification>().Count(n => n.ParticipantId == p.Id),
                db.Set<CallTask>().Count(t => t.ParticipantId == p.Id),
                db.Set<Loan>().Count(l => l.ParticipantId == p.Id && l.ReturnedAt == null),
                db.Set<HelpRequest>().Count(h => h.ParticipantId == p.Id
                    && (h.Status == HelpRequestStatus.Open || h.Status == HelpRequestStatus.Assigned || h.Status == HelpRequestStatus.Scheduled)),
                db.Set<SignUp>().Count(s => s.ParticipantId == p.Id) + db.Set<Loan>().Count(l => l.ParticipantId == p.Id)
                    + db.Set<Reservation>().Count(r => r.ParticipantId == p.Id) + db.Set<HelpRequest>().Count(h => h.ParticipantId == p.Id)))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Erases the person; the result says how much went with them, never who they were.</summary>
    public async Task<Result<ErasureCounts>> EraseAsync(StaffUser staff, int participantId, CancellationToken cancellationToken)
    {
        var erased = await StoreWork.RunAsync(services, work => ParticipantPrivacy.EraseOnRequestAsync(
            work.Db, new EraseParticipant(participantId, staff), mailFolder, clock.GetUtcNow().UtcDateTime, cancellationToken), cancellationToken);
        return erased.Map(done => done.Counts);
    }
}
