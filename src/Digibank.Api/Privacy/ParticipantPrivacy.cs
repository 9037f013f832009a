using Digibank.Api.Participants;
using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.Devices;
using Digibank.Api.HelpRequests;
using Digibank.Api.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Privacy;

/// <summary>
/// Erasing a person blanks their name and contact and keeps the anonymous history (town, target group,
/// what they took part in) that the reach statistics count.
/// </summary>
public static class ParticipantPrivacy
{
    public static void Anonymise(Participant participant, DateTime now)
    {
        participant.FirstName = null;
        participant.Email = null;
        participant.Phone = null;
        participant.SmsConsentGivenAt = null;
        participant.ErasedAt ??= now;
    }

    /// <summary>
    /// Erases a person on their request, which the coordinator carries out; not while they still have a device
    /// on loan, which would then have no one to come back from.
    /// </summary>
    public static async Task<Result<ErasedParticipant>> EraseOnRequestAsync(DigibankDbContext db, EraseParticipant command, MailFolder mailFolder, DateTime now, CancellationToken cancellationToken)
    {
        if (!command.Staff.IsCoordinator)
        {
            return new NotAllowedError("Only the regional coordinator erases a person's data.");
        }

        var participant = await db.Participants.SingleOrDefaultAsync(p => p.Id == command.ParticipantId, cancellationToken);
        if (participant is null)
        {
            return new NotFoundError("There is no such person.");
        }

        if (!command.Staff.WorksIn(participant.RegionId))
        {
            return new NotAllowedError("This person belongs to another region: its coordinator erases them.");
        }

        if (await db.Loans.AnyAsync(l => l.ParticipantId == participant.Id && l.ReturnedAt == null, cancellationToken))
        {
            return new ParticipantHasOpenLoanError("This person still has a device on loan; take it back first.");
        }

        return new ErasedParticipant(participant, await EraseAsync(db, participant, mailFolder, now, cancellationToken));
    }

    /// <summary>
    /// Erases a person: active sign-ups and reservations are cancelled, seats go to the waiting list; their messages and
    /// call tasks are deleted, and the files of their e-mails with them. Returns how many of each, never whose.
    /// </summary>
    public static async Task<ErasureCounts> EraseAsync(DigibankDbContext db, Participant participant, MailFolder mailFolder, DateTime now, CancellationToken cancellationToken)
    {
        var signUps = await new SignUpBook(db, now).CancelEverySignUpOfAsync(participant.Id, cancellationToken);

        var reservations = 0;
        await db.Reservations
            .Where(r => r.ParticipantId == participant.Id && (r.Status == ReservationStatus.Waiting || r.Status == ReservationStatus.Ready))
            .ForEachAsync(
                reservation =>
                {
                    reservation.Status = ReservationStatus.Cancelled;
                    reservations++;
                },
                cancellationToken);
        // Messages and call tasks hold the person's name and contact: queued ones are not sent, none are kept.
        var callTasks = await db.CallTasks.Where(t => t.ParticipantId == participant.Id).ExecuteDeleteAsync(cancellationToken);
        var emails = await db.Notifications.Where(n => n.ParticipantId == participant.Id && n.Channel == NotificationChannel.Email)
            .Select(n => new { n.EventSequence, n.ParticipantId, n.Reason, n.Occasion }).ToListAsync(cancellationToken);
        var messages = await db.Notifications.Where(n => n.ParticipantId == participant.Id).ExecuteDeleteAsync(cancellationToken);
        mailFolder.Remove(emails.Select(e => Notification.KeyOf(e.EventSequence, e.ParticipantId, e.Reason, e.Occasion)));
        Anonymise(participant, now);
        return new ErasureCounts(signUps, reservations, messages, callTasks);
    }

    /// <summary>
    /// Anonymises everyone whose every sign-up, loan, reservation and help request is closed and whose
    /// last activity is older than the retention period. Returns how many people were anonymised.
    /// </summary>
    public static async Task<int> AnonymiseExpiredAsync(DigibankDbContext db, DateTime now, TimeSpan retention, CancellationToken cancellationToken)
    {
        var before = now - retention;
        var expired = await db.Participants
            .Where(p => p.ErasedAt == null && p.CreatedAt < before)
            .Where(p => !db.Set<SignUp>().Any(s => s.ParticipantId == p.Id
                && (s.Status == SignUpStatus.Confirmed || s.Status == SignUpStatus.Waitlisted || s.UpdatedAt >= before)))
            .Where(p => !db.Set<Loan>().Any(l => l.ParticipantId == p.Id && (l.ReturnedAt == null || l.ReturnedAt >= before)))
            .Where(p => !db.Set<Reservation>().Any(r => r.ParticipantId == p.Id
                && (r.Status == ReservationStatus.Waiting || r.Status == ReservationStatus.Ready || r.CreatedAt >= before)))
            .Where(p => !db.Set<HelpRequest>().Any(h => h.ParticipantId == p.Id
                && (h.Status == HelpRequestStatus.Open || h.Status == HelpRequestStatus.Assigned || h.Status == HelpRequestStatus.Scheduled
                    || (h.ResolvedAt ?? h.CreatedAt) >= before)))
            .ToListAsync(cancellationToken);
        foreach (var participant in expired)
        {
            Anonymise(participant, now);
        }

        return expired.Count;
    }
}
