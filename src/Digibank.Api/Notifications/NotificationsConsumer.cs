using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.Data.Outbox;
using Digibank.Api.Devices;
using Digibank.Api.HelpPoints;
using Digibank.Api.HelpRequests;
using Digibank.Api.Participants;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Notifications;

/// <summary>
/// Turns committed events that concern a person into messages: one per event, person and reason. Written in the
/// transaction that moves this consumer's position, so each event is handled once, across restarts. How each
/// message reaches its person is the <see cref="MessageWriter"/>'s choice. Partner sign-ups are the partner's to
/// confirm: partners run their own systems and write to their own participants.
/// </summary>
public sealed class NotificationsConsumer(NotificationSignal signal, MessageWriter writer) : IOutboxConsumer
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

        // An event about whole courses concerns everyone still signed up for them; every other event, the one person it names.
        var wideCourseIds = wanted.Select(w => w.Event).OfType<ICourseWideEvent>().SelectMany(e => e.CourseIds);
        var signedUp = (await wideCourseIds.ReadInChunksAsync(
                chunk => db.SignUps
                    .Where(s => chunk.Contains(s.CourseId) && s.Channel != SignUpChannel.Partner
                        && (s.Status == SignUpStatus.Confirmed || s.Status == SignUpStatus.Waitlisted))
                    .Select(s => new { s.Id, s.CourseId, s.ParticipantId }),
                cancellationToken))
            .ToLookup(s => s.CourseId);
        var targets = wanted.SelectMany(w => w.Event is ICourseWideEvent wide
                ? wide.CourseIds.SelectMany(courseId => signedUp[courseId].Select(s => new Target(w.Sequence, w.Reason!.Value, w.Event, s.ParticipantId, courseId, s.Id)))
                : [new Target(w.Sequence, w.Reason!.Value, w.Event, ParticipantOf(w.Event), (w.Event as SignUpChanged)?.CourseId, (w.Event as SignUpChanged)?.SignUpId)])
            .ToList();

        // Everything the messages need, in one query per kind of row and thousand keys, whatever the size of the batch.
        var people = await targets.Select(t => t.Person).ReadInChunksAsync(
            chunk => db.Participants.Where(p => chunk.Contains(p.Id) && p.ErasedAt == null), p => p.Id, cancellationToken);
        var courses = await targets.Select(t => t.CourseId).OfType<int>().ReadInChunksAsync(
            chunk => db.Courses.Include(c => c.HelpPoint).ThenInclude(h => h!.Municipality).Include(c => c.Municipality).Where(c => chunk.Contains(c.Id)),
            c => c.Id,
            cancellationToken);
        var requests = await wanted.Select(w => w.Event).OfType<HelpRequestChanged>().Select(e => e.HelpRequestId).ReadInChunksAsync(
            chunk => db.HelpRequests.Include(r => r.Topic).Where(r => chunk.Contains(r.Id)), r => r.Id, cancellationToken);
        var points = await wanted.Select(w => w.Event).OfType<ReservationReady>().Select(e => e.HelpPointId).ReadInChunksAsync(
            chunk => db.HelpPoints.Include(h => h.Municipality).Where(h => chunk.Contains(h.Id)), h => h.Id, cancellationToken);
        // Messages about one session list the sessions still to come.
        var sessions = (await wanted.Select(w => w.Event).OfType<CourseSessionChanged>().Select(e => e.CourseId).ReadInChunksAsync(
                chunk => db.CourseSessions.Where(s => chunk.Contains(s.CourseId) && s.CancelledAt == null).Select(s => new { s.CourseId, s.StartsAt }),
                cancellationToken))
            .ToLookup(s => s.CourseId, s => s.StartsAt);
        var done = (await wanted.Select(w => w.Sequence).ReadInChunksAsync(
                chunk => db.Notifications.Where(n => chunk.Contains(n.EventSequence)).Select(n => new { n.EventSequence, n.ParticipantId, n.Reason }),
                cancellationToken))
            .Select(n => (n.EventSequence, n.ParticipantId, n.Reason)).ToHashSet();

        var added = false;
        foreach (var target in targets)
        {
            if (!people.TryGetValue(target.Person, out var person) || !done.Add((target.Sequence, target.Person, target.Reason)))
            {
                continue;
            }

            Outgoing? outgoing = target.Event switch
            {
                CourseSessionChanged e when courses.TryGetValue(e.CourseId, out var course) => AboutSession(person, target, e, course, sessions[e.CourseId]),
                SignUpChanged or ICourseWideEvent when target.CourseId is { } id && courses.TryGetValue(id, out var course) =>
                    AboutCourse(person, target.Reason, course, (target.Event as SignUpChanged)?.WaitlistPosition, (target.Event as SignUpChanged)?.At ?? ((ICourseWideEvent)target.Event).At) with
                    {
                        EventSequence = target.Sequence,
                        SignUpId = target.Reason is NotificationReason.CourseWithdrawn or NotificationReason.CourseCancelled ? null : target.SignUpId,
                    },
                HelpRequestChanged e when requests.TryGetValue(e.HelpRequestId, out var request) => new Outgoing(
                    person, target.Reason, "nl", new MessageFacts(person.FirstName, When: request.VisitStartsAt, Topic: request.Topic?.Name), request.HelpPointId, e.At, target.Sequence),
                ReservationReady e when points.TryGetValue(e.HelpPointId, out var point) => new Outgoing(
                    person, target.Reason, "nl", new MessageFacts(person.FirstName, Place: PlaceOf(point), Device: Lending.NameOf(e.Kind), Until: e.ReadyUntil),
                    e.HelpPointId, e.At, target.Sequence, ReservationId: e.ReservationId),
                _ => null,
            };
            if (outgoing is not null)
            {
                writer.Write(db, outgoing);
                added = true;
            }
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
        CoursesCancelled => NotificationReason.CourseCancelled,
        CoursesRescheduled => NotificationReason.CourseRescheduled,
        CourseSessionChanged { Cancelled: true } => NotificationReason.SessionCancelled,
        CourseSessionChanged => NotificationReason.SessionMoved,
        ReservationReady => NotificationReason.ReservationReady,
        _ => null,
    };

    /// <summary>A message about a course, in the course's language, for its help point's call list.</summary>
    public static Outgoing AboutCourse(Participant person, NotificationReason reason, Course course, int? waitlistPosition, DateTime at, DateTime? when = null) => new(
        person,
        reason,
        MessageTemplates.LanguageOf(course.Language),
        new MessageFacts(person.FirstName, course.Title, when ?? course.StartsAt, PlaceOf(course), waitlistPosition),
        course.HelpPointId,
        at);

    /// <summary>A message about one session: which one changed, and the sessions still to come.</summary>
    private static Outgoing AboutSession(Participant person, Target target, CourseSessionChanged change, Course course, IEnumerable<DateTime> sessions)
    {
        var outgoing = AboutCourse(person, target.Reason, course, null, change.At, change.MovedTo);
        return outgoing with
        {
            Facts = outgoing.Facts with { Was = change.SessionWas, Sessions = [.. sessions.Where(startsAt => startsAt > change.At).Order()] },
            EventSequence = target.Sequence,
            SignUpId = target.SignUpId,
        };
    }

    public static string? PlaceOf(Course course) =>
        course.HelpPoint is { } point ? PlaceOf(point, course.Municipality?.Name) : course.Municipality?.Name;

    public static string PlaceOf(HelpPoint point, string? town = null) =>
        string.Join(", ", new[] { point.Name, point.Street, point.Municipality?.Name ?? town }.Where(part => !string.IsNullOrWhiteSpace(part)));

    private static int ParticipantOf(IDomainEvent domainEvent) => domainEvent switch
    {
        SignUpChanged e => e.ParticipantId,
        HelpRequestChanged e => e.ParticipantId ?? 0,
        ReservationReady e => e.ParticipantId,
        _ => 0,
    };

    private sealed record Target(long Sequence, NotificationReason Reason, IDomainEvent Event, int Person, int? CourseId, int? SignUpId);
}
