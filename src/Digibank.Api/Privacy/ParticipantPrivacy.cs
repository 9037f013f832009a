using System.ComponentModel;
using Digibank.Api.Participants;
using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.Devices;
using Digibank.Api.HelpRequests;
using Digibank.Api.Notifications;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Privacy;

/// <summary>The coordinator erases a person on their request.</summary>
public sealed record EraseParticipant(int ParticipantId, StaffUser Staff);

[Description("The person still has a device on loan.")]
public sealed record ParticipantHasOpenLoanError(string Message) : UserError(Message, "PARTICIPANT_HAS_OPEN_LOAN");

public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Days after a person's last closed sign-up, loan or help request before their details are anonymised.</summary>
    public int RetentionDays { get; set; } = 365;
}

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
    public static async Task<Result<Participant>> EraseOnRequestAsync(DigibankDbContext db, EraseParticipant command, MailFolder mailFolder, DateTime now, CancellationToken cancellationToken)
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

        if (await db.Loans.AnyAsync(l => l.ParticipantId == participant.Id && l.ReturnedAt == null, cancellationToken))
        {
            return new ParticipantHasOpenLoanError("This person still has a device on loan; take it back first.");
        }

        await EraseAsync(db, participant, mailFolder, now, cancellationToken);
        return participant;
    }

    /// <summary>
    /// Erases a person: active sign-ups and reservations are cancelled, seats go to the waiting list; their messages and
    /// call tasks are deleted, and the files of their e-mails with them.
    /// </summary>
    public static async Task EraseAsync(DigibankDbContext db, Participant participant, MailFolder mailFolder, DateTime now, CancellationToken cancellationToken)
    {
        await new SignUpBook(db, now).CancelEverySignUpOfAsync(participant.Id, cancellationToken);

        await db.Reservations
            .Where(r => r.ParticipantId == participant.Id && (r.Status == ReservationStatus.Waiting || r.Status == ReservationStatus.Ready))
            .ForEachAsync(r => r.Status = ReservationStatus.Cancelled, cancellationToken);
        // Messages and call tasks hold the person's name and contact: queued ones are not sent, none are kept.
        await db.CallTasks.Where(t => t.ParticipantId == participant.Id).ExecuteDeleteAsync(cancellationToken);
        var emails = await db.Notifications.Where(n => n.ParticipantId == participant.Id && n.Channel == NotificationChannel.Email)
            .Select(n => new { n.EventSequence, n.ParticipantId, n.Reason, n.Occasion }).ToListAsync(cancellationToken);
        await db.Notifications.Where(n => n.ParticipantId == participant.Id).ExecuteDeleteAsync(cancellationToken);
        mailFolder.Remove(emails.Select(e => Notification.KeyOf(e.EventSequence, e.ParticipantId, e.Reason, e.Occasion)));
        Anonymise(participant, now);
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

/// <summary>Runs the retention sweep at start-up and every six hours.</summary>
public sealed class RetentionService(
    IDbContextFactory<DigibankDbContext> dbContextFactory,
    MailFolder mailFolder,
    Microsoft.Extensions.Options.IOptions<PrivacyOptions> options,
    TimeProvider clock,
    ILogger<RetentionService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        var now = clock.GetUtcNow().UtcDateTime;
        var count = await ParticipantPrivacy.AnonymiseExpiredAsync(db, now, TimeSpan.FromDays(options.Value.RetentionDays), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        // Message texts hold names and places: none is kept past the retention period, whoever it was for.
        var before = now - TimeSpan.FromDays(options.Value.RetentionDays);
        await db.Notifications.Where(n => n.CreatedAt < before && n.Body != null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.Body, (string?)null).SetProperty(n => n.Recipient, (string?)null), cancellationToken);
        await db.CallTasks.Where(t => t.CreatedAt < before && t.Script != null).ExecuteUpdateAsync(set => set.SetProperty(t => t.Script, (string?)null), cancellationToken);
        mailFolder.RemoveOlderThan(before);
        if (db.Database.IsSqlite())
        {
            // Deleted rows are overwritten in the file (secure_delete), but their old pages stay in the write-ahead log
            // until it is written back and emptied.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        }
        if (count > 0)
        {
            logger.LogInformation("Anonymised {Count} people past the retention period of {Days} days", count, options.Value.RetentionDays);
        }

        return count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "The retention sweep failed; it runs again in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
