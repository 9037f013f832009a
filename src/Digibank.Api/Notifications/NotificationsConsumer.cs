using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.Data.Outbox;
using Digibank.Api.HelpRequests;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Notifications;

/// <summary>
/// Turns committed events that concern a person into messages: one per event, person and reason. Written in the
/// transaction that moves this consumer's position, so each event is handled once, across restarts. A person with
/// an e-mail address gets an e-mail (sent by <see cref="NotificationSender"/>); anyone else becomes a task on
/// the call list of the help point involved, with the text to read out. Partner sign-ups are the partner's to
/// confirm: partners run their own systems and write to their own participants.
/// </summary>
public sealed class NotificationsConsumer(NotificationSignal signal) : IOutboxConsumer
{
    public string Name => "notifications";

    public bool StartsAtNewest => true;

    public async Task HandleAsync(IReadOnlyList<OutboxEvent> events, DigibankDbContext db, CancellationToken cancellationToken)
    {
        var wanted = events.Select(e => (e.Sequence, Reason: ReasonFor(e.Event), e.Event)).Where(w => w.Reason is not null).ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        // A withdrawn course concerns everyone still signed up for it; every other event, the one person it names.
        var withdrawnCourseIds = wanted.Select(w => w.Event).OfType<CoursesWithdrawn>().SelectMany(e => e.CourseIds).Distinct().ToList();
        var signedUp = (withdrawnCourseIds.Count == 0 ? [] : await db.SignUps
                .Where(s => withdrawnCourseIds.Contains(s.CourseId) && s.Channel != SignUpChannel.Partner
                    && (s.Status == SignUpStatus.Confirmed || s.Status == SignUpStatus.Waitlisted))
                .Select(s => new { s.CourseId, s.ParticipantId })
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.CourseId, s => s.ParticipantId);
        var targets = wanted.SelectMany(w => w.Event is CoursesWithdrawn withdrawn
                ? withdrawn.CourseIds.SelectMany(courseId => signedUp[courseId].Select(person => (w.Sequence, w.Reason, w.Event, Person: person, CourseId: (int?)courseId)))
                : [(w.Sequence, w.Reason, w.Event, Person: ParticipantOf(w.Event), CourseId: (w.Event as SignUpChanged)?.CourseId)])
            .ToList();

        // Everything the messages need, in one query per kind of row, whatever the size of the batch.
        var participantIds = targets.Select(t => t.Person).Distinct().ToList();
        var people = await db.Participants.Where(p => participantIds.Contains(p.Id) && p.ErasedAt == null).ToDictionaryAsync(p => p.Id, cancellationToken);
        var courseIds = targets.Select(t => t.CourseId).OfType<int>().Distinct().ToList();
        var courses = await db.Courses.Include(c => c.HelpPoint).ThenInclude(h => h!.Municipality).Include(c => c.Municipality)
            .Where(c => courseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var requestIds = wanted.Select(w => w.Event).OfType<HelpRequestChanged>().Select(e => e.HelpRequestId).Distinct().ToList();
        var requests = requestIds.Count == 0 ? [] : await db.HelpRequests.Include(r => r.Topic).Where(r => requestIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var sequences = wanted.Select(w => w.Sequence).ToList();
        var done = (await db.Notifications.Where(n => sequences.Contains(n.EventSequence)).Select(n => new { n.EventSequence, n.ParticipantId, n.Reason }).ToListAsync(cancellationToken))
            .Select(n => (n.EventSequence, n.ParticipantId, n.Reason)).ToHashSet();

        var added = false;
        foreach (var (sequence, reason, domainEvent, participantId, courseId) in targets)
        {
            if (!people.TryGetValue(participantId, out var person) || done.Contains((sequence, participantId, reason!.Value)))
            {
                continue;
            }

            var (language, facts, helpPointId, at) = domainEvent switch
            {
                SignUpChanged e when courses.TryGetValue(e.CourseId, out var course) => (
                    MessageTemplates.LanguageOf(course.Language),
                    new MessageFacts(person.FirstName, course.Title, course.StartsAt, PlaceOf(course), e.WaitlistPosition),
                    course.HelpPointId,
                    e.At),
                CoursesWithdrawn e when courseId is { } id && courses.TryGetValue(id, out var course) => (
                    MessageTemplates.LanguageOf(course.Language),
                    new MessageFacts(person.FirstName, course.Title, course.StartsAt, PlaceOf(course)),
                    course.HelpPointId,
                    e.At),
                HelpRequestChanged e when requests.TryGetValue(e.HelpRequestId, out var request) => (
                    "nl", new MessageFacts(person.FirstName, When: request.VisitStartsAt, Topic: request.Topic?.Name), request.HelpPointId, e.At),
                _ => ("nl", null, null, default(DateTime)),
            };
            if (facts is null)
            {
                continue;
            }

            var message = MessageTemplates.Render(reason.Value, language, facts);
            var notification = db.Notifications.Add(new Notification
            {
                EventSequence = sequence,
                ParticipantId = person.Id,
                Reason = reason.Value,
                Channel = person.Email is null ? NotificationChannel.CallList : NotificationChannel.Email,
                Status = person.Email is null ? NotificationStatus.Sent : NotificationStatus.Pending,
                HelpPointId = helpPointId,
                Recipient = person.Email ?? person.Phone,
                Subject = message.Subject,
                Body = message.Body,
                NextAttemptAt = at,
                CreatedAt = at,
                SentAt = person.Email is null ? at : null,
            }).Entity;
            if (person.Email is null)
            {
                db.CallTasks.Add(new CallTask
                {
                    Notification = notification,
                    ParticipantId = person.Id,
                    HelpPointId = helpPointId,
                    Reason = reason.Value,
                    Script = message.Body,
                    Outcome = CallOutcome.Open,
                    CreatedAt = at,
                });
            }

            done.Add((sequence, participantId, reason.Value));
            added = true;
        }

        if (added)
        {
            // The messages are committed with this consumer's position right after; the sender also looks every second.
            signal.Notify();
        }
    }

    public static NotificationReason? ReasonFor(IDomainEvent domainEvent) => domainEvent switch
    {
        SignUpChanged { Channel: SignUpChannel.Partner } => null,
        SignUpChanged { IsNew: true, Status: SignUpStatus.Confirmed } => NotificationReason.SignUpConfirmed,
        SignUpChanged { IsNew: true, Status: SignUpStatus.Waitlisted } => NotificationReason.SignUpWaitlisted,
        // After its creation, a sign-up becomes CONFIRMED only by taking a freed seat.
        SignUpChanged { IsNew: false, StatusChanged: true, Status: SignUpStatus.Confirmed } => NotificationReason.MovedUpFromWaitingList,
        HelpRequestChanged { IsNew: false, Status: HelpRequestStatus.Scheduled, ParticipantId: not null } => NotificationReason.HomeVisitPlanned,
        CoursesWithdrawn => NotificationReason.CourseWithdrawn,
        _ => null,
    };

    private static int ParticipantOf(IDomainEvent domainEvent) => domainEvent switch
    {
        SignUpChanged e => e.ParticipantId,
        HelpRequestChanged e => e.ParticipantId ?? 0,
        _ => 0,
    };

    private static string? PlaceOf(Course course) =>
        course.HelpPoint is { } point
            ? string.Join(", ", new[] { point.Name, point.Street, point.Municipality?.Name ?? course.Municipality?.Name }.Where(part => !string.IsNullOrWhiteSpace(part)))
            : course.Municipality?.Name;
}
