using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.Data.RowSecurity;
using Digibank.Api.Devices;
using Digibank.Api.HelpPoints;
using Digibank.Api.Municipalities;
using Digibank.Api.Participants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Digibank.Api.Notifications;

/// <summary>
/// The messages no event causes, because what causes them is time passing: the day before a session, two days
/// before a loan is due, the day a loan is overdue. Each has its occasion (<see cref="Notification.Occasion"/>),
/// so running again, in this instance or another, adds nothing. Also lets devices set aside and not collected in
/// time go to the next in the queue, who is told. Runs in one API instance at a time (its lease).
/// </summary>
public sealed class Reminders(
    IDbContextFactory<DigibankDbContext> dbContextFactory,
    WriteQueue writeQueue,
    MessageWriter writer,
    NotificationSignal signal,
    IOptions<NotificationOptions> options,
    TimeProvider clock,
    ILogger<Reminders> logger) : BackgroundService
{
    public static readonly TimeSpan LoanDueWarning = TimeSpan.FromDays(2);

    /// <summary>Writes the reminders due now; the number of messages written.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var scope = RegionScope.Bypass(RegionBypasses.Reminders);
        var now = clock.GetUtcNow().UtcDateTime;
        using var turn = await writeQueue.WaitAsync(cancellationToken);
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var expired = await new LendingDesk(db, now).ExpireUncollectedAsync(options.Value.BatchSize, cancellationToken);
        var written = await SessionRemindersAsync(db, now, cancellationToken) + await LoanRemindersAsync(db, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (written > 0 || expired > 0)
        {
            logger.LogInformation("Wrote {Count} reminders; {Expired} devices not collected in time went to the next in the queue", written, expired);
            signal.Notify();
        }

        return written;
    }

    /// <summary>Everyone with a seat in a course that has a session tomorrow (the region's day), once per session.</summary>
    private async Task<int> SessionRemindersAsync(DigibankDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var tomorrow = RegionTime.StartOfLocalDay(RegionTime.EndOfLocalDay(now).AddSeconds(1));
        var dayAfter = RegionTime.StartOfLocalDay(RegionTime.EndOfLocalDay(tomorrow).AddSeconds(1));
        var seats = await db.CourseSessions
            .Where(session => session.StartsAt >= tomorrow && session.StartsAt < dayAfter && session.CancelledAt == null)
            .Join(db.Courses.Where(c => c.Status == CourseStatus.Scheduled || c.Status == CourseStatus.Full), session => session.CourseId, course => course.Id,
                (session, course) => new { session.CourseId, session.StartsAt })
            .Join(db.SignUps.Where(s => s.Status == SignUpStatus.Confirmed && s.Channel != SignUpChannel.Partner), session => session.CourseId, signUp => signUp.CourseId,
                (session, signUp) => new { session.CourseId, session.StartsAt, SignUpId = signUp.Id, signUp.ParticipantId })
            .ToListAsync(cancellationToken);
        var reminders = seats.Select(seat => (seat.ParticipantId, Occasion: FormattableString.Invariant($"session {seat.CourseId} {seat.StartsAt:yyyy-MM-ddTHH:mm}"), Seat: seat)).ToList();
        var fresh = await NotYetWrittenAsync(db, NotificationReason.SessionReminder, reminders.Select(r => (r.ParticipantId, r.Occasion)), cancellationToken);
        var courses = await reminders.Where(r => fresh.Contains((r.ParticipantId, r.Occasion))).Select(r => r.Seat.CourseId).ReadInChunksAsync(
            chunk => db.Courses.Include(c => c.HelpPoint).ThenInclude(h => h!.Municipality).Include(c => c.Municipality).Where(c => chunk.Contains(c.Id)),
            c => c.Id,
            cancellationToken);
        var people = await PeopleAsync(db, reminders.Where(r => fresh.Contains((r.ParticipantId, r.Occasion))).Select(r => r.ParticipantId), cancellationToken);
        var written = 0;
        foreach (var (participantId, occasion, seat) in reminders)
        {
            if (fresh.Contains((participantId, occasion)) && people.TryGetValue(participantId, out var person) && courses.TryGetValue(seat.CourseId, out var course))
            {
                writer.Write(db, NotificationsConsumer.AboutCourse(person, NotificationReason.SessionReminder, course, null, now, seat.StartsAt) with
                {
                    Occasion = occasion,
                    SignUpId = seat.SignUpId,
                });
                written++;
            }
        }

        return written;
    }

    /// <summary>Borrowers whose loan is due within two days, and those whose loan is overdue; once per due date, so a renewal warns again.</summary>
    private async Task<int> LoanRemindersAsync(DigibankDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var warnFrom = now + LoanDueWarning;
        var loans = await db.Loans.Where(l => l.ReturnedAt == null && l.DueAt <= warnFrom)
            .Select(l => new { l.Id, l.ParticipantId, l.HelpPointId, l.DueAt, l.Device!.Kind })
            .ToListAsync(cancellationToken);
        var reminders = loans.Select(loan => (
                loan.ParticipantId,
                Occasion: FormattableString.Invariant($"loan {loan.Id} due {loan.DueAt:yyyy-MM-dd}"),
                Reason: loan.DueAt < now ? NotificationReason.LoanOverdue : NotificationReason.LoanDueSoon,
                Loan: loan))
            .ToList();
        var freshDue = await NotYetWrittenAsync(db, NotificationReason.LoanDueSoon, reminders.Where(r => r.Reason == NotificationReason.LoanDueSoon).Select(r => (r.ParticipantId, r.Occasion)), cancellationToken);
        var freshOverdue = await NotYetWrittenAsync(db, NotificationReason.LoanOverdue, reminders.Where(r => r.Reason == NotificationReason.LoanOverdue).Select(r => (r.ParticipantId, r.Occasion)), cancellationToken);
        var toWrite = reminders.Where(r => (r.Reason == NotificationReason.LoanDueSoon ? freshDue : freshOverdue).Contains((r.ParticipantId, r.Occasion))).ToList();
        var points = await toWrite.Select(r => r.Loan.HelpPointId).ReadInChunksAsync(
            chunk => db.HelpPoints.Include(h => h.Municipality).Where(h => chunk.Contains(h.Id)), h => h.Id, cancellationToken);
        var people = await PeopleAsync(db, toWrite.Select(r => r.ParticipantId), cancellationToken);
        var written = 0;
        foreach (var (participantId, occasion, reason, loan) in toWrite)
        {
            if (people.TryGetValue(participantId, out var person) && points.TryGetValue(loan.HelpPointId, out var point))
            {
                writer.Write(db, new Outgoing(
                    person,
                    reason,
                    "nl",
                    new MessageFacts(person.FirstName, Place: NotificationsConsumer.PlaceOf(point), Device: Lending.NameOf(loan.Kind), Until: loan.DueAt),
                    loan.HelpPointId,
                    now,
                    Occasion: occasion));
                written++;
            }
        }

        return written;
    }

    private static async Task<HashSet<(int ParticipantId, string Occasion)>> NotYetWrittenAsync(
        DigibankDbContext db, NotificationReason reason, IEnumerable<(int ParticipantId, string Occasion)> candidates, CancellationToken cancellationToken)
    {
        var fresh = candidates.ToHashSet();
        var written = await fresh.Select(c => c.Occasion).ReadInChunksAsync(
            chunk => db.Notifications.Where(n => n.EventSequence == 0 && n.Reason == reason && chunk.Contains(n.Occasion)).Select(n => new { n.ParticipantId, n.Occasion }),
            cancellationToken);
        fresh.ExceptWith(written.Select(n => (n.ParticipantId, n.Occasion)));
        return fresh;
    }

    private static Task<Dictionary<int, Participants.Participant>> PeopleAsync(DigibankDbContext db, IEnumerable<int> participantIds, CancellationToken cancellationToken) =>
        participantIds.ReadInChunksAsync(chunk => db.Participants.Where(p => chunk.Contains(p.Id) && p.ErasedAt == null), p => p.Id, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        BackgroundWork.Mark();
        using var timer = new PeriodicTimer(options.Value.ReminderInterval, clock);
        do
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Writing reminders failed; they are tried again in {Interval}", options.Value.ReminderInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
