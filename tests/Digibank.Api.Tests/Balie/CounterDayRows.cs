using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.Devices;
using Digibank.Api.HelpPoints;
using Digibank.Api.HelpRequests;
using Digibank.Api.Municipalities;
using Digibank.Api.Notifications;
using Digibank.Api.Participants;
using Digibank.Api.Partners;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.Balie;

/// <summary>How much a help point's counter has to do today, to fill it with.</summary>
public sealed record CounterDayLoad(int Loans, int Sessions, int SeatsPerSession, int CallTasks, int PickUps, int HelpRequests);

/// <summary>
/// Fills a help point's day straight into the store, so a test or a benchmark can ask the Vandaag page for a day of any
/// size: loans due today and overdue, course sessions today with their seat holders, tasks on the call list, devices set
/// aside to collect, open help requests and home visits. Every row is new (its own people and devices), in the help
/// point's region.
/// </summary>
public static class CounterDayRows
{
    public static async Task AddAsync(DigibankDbContext db, int helpPointId, DateTime now, CounterDayLoad load)
    {
        var day = new Day(db, await db.HelpPoints.SingleAsync(h => h.Id == helpPointId), now, Guid.NewGuid().ToString("N")[..8]);
        AddLoans(day, load.Loans);
        AddSessions(day, load.Sessions, load.SeatsPerSession, await db.Partners.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        AddHelpRequests(day, load.HelpRequests, await db.Topics.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());
        // Call tasks and reservations name their person and device by id only: those are saved first.
        var called = Enumerable.Range(0, load.CallTasks).Select(_ => day.Person()).ToList();
        var setAside = Enumerable.Range(0, load.PickUps).Select(i => day.Device($"R{i}", DeviceStatus.Reserved)).ToList();
        db.AddRange(called);
        db.AddRange(setAside);
        await db.SaveChangesAsync();
        AddCallTasks(day, called);
        AddPickUps(day, setAside);
        await db.SaveChangesAsync();
    }

    private static void AddLoans(Day day, int count)
    {
        for (var i = 0; i < count; i++)
        {
            day.Db.Loans.Add(new Loan
            {
                RegionId = day.Point.RegionId, Device = day.Device($"L{i}", DeviceStatus.OnLoan), Participant = day.Person(), HelpPointId = day.Point.Id,
                CheckedOutAt = day.Now.AddDays(-30 - i % 20), DueAt = i % 3 == 0 ? day.Start.AddHours(15) : day.Now.AddDays(-1 - i % 10),
            });
        }
    }

    private static void AddSessions(Day day, int count, int seats, int partnerId)
    {
        for (var i = 0; i < count; i++)
        {
            var startsAt = day.Start.AddHours(8 + i % 12);
            day.Db.Courses.Add(new Course
            {
                RegionId = day.Point.RegionId, Title = $"Les {day.Batch} {i}", Summary = "Een les van vandaag.", PartnerId = partnerId, ExternalId = $"counter-{day.Batch}-{i}",
                HelpPointId = day.Point.Id, MunicipalityId = day.Point.MunicipalityId, Capacity = seats + 2, StartsAt = startsAt, UpdatedAt = day.Now,
                TargetGroups = [global::Digibank.Api.Vocabulary.TargetGroup.Everyone],
                Sessions = [new CourseSession { StartsAt = startsAt, EndsAt = startsAt.AddHours(2), Room = "Leeszaal" }],
                SignUps = [.. Enumerable.Range(0, seats).Select(_ => new SignUp
                {
                    RegionId = day.Point.RegionId, Participant = day.Person(), Status = SignUpStatus.Confirmed, Channel = SignUpChannel.Counter,
                    CreatedAt = day.Now.AddDays(-7), UpdatedAt = day.Now.AddDays(-7),
                })],
            });
        }
    }

    private static void AddCallTasks(Day day, List<Participant> called)
    {
        for (var i = 0; i < called.Count; i++)
        {
            var notification = new Notification
            {
                RegionId = day.Point.RegionId, ParticipantId = called[i].Id, Reason = NotificationReason.SignUpConfirmed, Channel = NotificationChannel.CallList,
                Status = NotificationStatus.Sent, HelpPointId = day.Point.Id, Occasion = $"counter {day.Batch} {i}", Subject = "Ingeschreven", Body = "Dag, u bent ingeschreven.",
                CreatedAt = day.Now.AddHours(-i), NextAttemptAt = day.Now, SentAt = day.Now,
            };
            day.Db.Notifications.Add(notification);
            day.Db.CallTasks.Add(new CallTask
            {
                RegionId = day.Point.RegionId, Notification = notification, ParticipantId = called[i].Id, HelpPointId = day.Point.Id, Reason = NotificationReason.SignUpConfirmed,
                Script = $"Dag {called[i].FirstName}, u bent ingeschreven voor de cursus.", Outcome = CallOutcome.Open, CreatedAt = day.Now.AddHours(-i),
            });
        }
    }

    private static void AddPickUps(Day day, List<Device> setAside)
    {
        for (var i = 0; i < setAside.Count; i++)
        {
            day.Db.Reservations.Add(new Reservation
            {
                RegionId = day.Point.RegionId, HelpPointId = day.Point.Id, Kind = setAside[i].Kind, Participant = day.Person(), Status = ReservationStatus.Ready,
                CreatedAt = day.Now.AddDays(-3), DeviceId = setAside[i].Id, ReadyUntil = day.Now.AddDays(1 + i % 5),
            });
        }
    }

    private static void AddHelpRequests(Day day, int count, int topicId)
    {
        for (var i = 0; i < count; i++)
        {
            var visit = i % 2 == 1;
            day.Db.HelpRequests.Add(new HelpRequest
            {
                RegionId = day.Point.RegionId, TopicId = topicId, Urgency = i % 3 == 0 ? HelpRequestUrgency.Urgent : HelpRequestUrgency.Normal,
                Channel = visit ? HelpRequestChannel.HomeVisit : HelpRequestChannel.WalkIn, MunicipalityId = day.Point.MunicipalityId, HelpPointId = day.Point.Id,
                Participant = day.Person(), Status = visit ? HelpRequestStatus.Scheduled : HelpRequestStatus.Open, CreatedAt = day.Now.AddDays(-2),
                VisitStartsAt = visit ? day.Start.AddHours(13) : null, VisitEndsAt = visit ? day.Start.AddHours(14) : null, AssignedStaffName = visit ? "Els" : null,
            });
        }
    }

    /// <summary>The help point, the moment and the batch every new row of one call is named after.</summary>
    private sealed class Day(DigibankDbContext db, HelpPoint point, DateTime now, string batch)
    {
        private int _people;

        public DigibankDbContext Db => db;

        public HelpPoint Point => point;

        public DateTime Now => now;

        public string Batch => batch;

        public DateTime Start { get; } = RegionTime.DayOf(now).Start;

        public Participant Person()
        {
            var number = ++_people;
            return new Participant
            {
                RegionId = point.RegionId, FirstName = $"Persoon {batch} {number}", Phone = $"0470{number % 1_000_000:000000}",
                MunicipalityId = point.MunicipalityId, TargetGroup = global::Digibank.Api.Vocabulary.TargetGroup.Seniors, ConsentGivenAt = now.AddDays(-10), CreatedAt = now.AddDays(-10),
            };
        }

        public Device Device(string key, DeviceStatus status) => new()
        {
            RegionId = point.RegionId, Kind = DeviceKind.Laptop, AssetTag = $"CNT-{batch}-{key}", Model = "Lenovo IdeaPad 1 14", Condition = DeviceCondition.Good,
            HomeHelpPointId = point.Id, Status = status,
        };
    }
}
