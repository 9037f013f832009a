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
        var point = await db.HelpPoints.SingleAsync(h => h.Id == helpPointId);
        var partnerId = await db.Partners.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var topic = await db.Topics.OrderBy(t => t.Id).FirstAsync();
        var batch = Guid.NewGuid().ToString("N")[..8];
        var people = 0;
        Participant Person() => NewPerson(point, now, batch, ++people);
        var (startOfToday, _) = RegionTime.DayOf(now);

        for (var i = 0; i < load.Loans; i++)
        {
            var device = NewDevice(point, $"{batch}-L{i}", DeviceStatus.OnLoan);
            var checkedOut = now.AddDays(-30 - i % 20);
            db.Loans.Add(new Loan
            {
                RegionId = point.RegionId, Device = device, Participant = Person(), HelpPointId = point.Id,
                CheckedOutAt = checkedOut, DueAt = i % 3 == 0 ? startOfToday.AddHours(15) : now.AddDays(-1 - i % 10),
            });
        }

        for (var i = 0; i < load.Sessions; i++)
        {
            var startsAt = startOfToday.AddHours(8 + i % 12);
            db.Courses.Add(new Course
            {
                RegionId = point.RegionId, Title = $"Les {batch} {i}", Summary = "Een les van vandaag.", PartnerId = partnerId, ExternalId = $"counter-{batch}-{i}",
                HelpPointId = point.Id, MunicipalityId = point.MunicipalityId, Capacity = load.SeatsPerSession + 2, StartsAt = startsAt, UpdatedAt = now,
                TargetGroups = [TargetGroup.Everyone],
                Sessions = [new CourseSession { StartsAt = startsAt, EndsAt = startsAt.AddHours(2), Room = "Leeszaal" }],
                SignUps = [.. Enumerable.Range(0, load.SeatsPerSession).Select(_ => new SignUp
                {
                    RegionId = point.RegionId, Participant = Person(), Status = SignUpStatus.Confirmed, Channel = SignUpChannel.Counter, CreatedAt = now.AddDays(-7), UpdatedAt = now.AddDays(-7),
                })],
            });
        }

        // Call tasks and reservations name their person and device by id only: those are saved first.
        var called = Enumerable.Range(0, load.CallTasks).Select(_ => Person()).ToList();
        var setAside = Enumerable.Range(0, load.PickUps).Select(i => NewDevice(point, $"{batch}-R{i}", DeviceStatus.Reserved)).ToList();
        db.AddRange(called);
        db.AddRange(setAside);
        await db.SaveChangesAsync();
        for (var i = 0; i < called.Count; i++)
        {
            var notification = new Notification
            {
                RegionId = point.RegionId, ParticipantId = called[i].Id, Reason = NotificationReason.SignUpConfirmed, Channel = NotificationChannel.CallList, Status = NotificationStatus.Sent,
                HelpPointId = point.Id, Occasion = $"counter {batch} {i}", Subject = "Ingeschreven", Body = "Dag, u bent ingeschreven.", CreatedAt = now.AddHours(-i), NextAttemptAt = now, SentAt = now,
            };
            db.Notifications.Add(notification);
            db.CallTasks.Add(new CallTask
            {
                RegionId = point.RegionId, Notification = notification, ParticipantId = called[i].Id, HelpPointId = point.Id, Reason = NotificationReason.SignUpConfirmed,
                Script = $"Dag {called[i].FirstName}, u bent ingeschreven voor de cursus.", Outcome = CallOutcome.Open, CreatedAt = now.AddHours(-i),
            });
        }

        for (var i = 0; i < setAside.Count; i++)
        {
            db.Reservations.Add(new Reservation
            {
                RegionId = point.RegionId, HelpPointId = point.Id, Kind = setAside[i].Kind, Participant = Person(), Status = ReservationStatus.Ready, CreatedAt = now.AddDays(-3),
                DeviceId = setAside[i].Id, ReadyUntil = now.AddDays(1 + i % 5),
            });
        }

        for (var i = 0; i < load.HelpRequests; i++)
        {
            var visit = i % 2 == 1;
            db.HelpRequests.Add(new HelpRequest
            {
                RegionId = point.RegionId, TopicId = topic.Id, Urgency = i % 3 == 0 ? HelpRequestUrgency.Urgent : HelpRequestUrgency.Normal,
                Channel = visit ? HelpRequestChannel.HomeVisit : HelpRequestChannel.WalkIn, MunicipalityId = point.MunicipalityId, HelpPointId = point.Id, Participant = Person(),
                Status = visit ? HelpRequestStatus.Scheduled : HelpRequestStatus.Open, CreatedAt = now.AddDays(-2),
                VisitStartsAt = visit ? startOfToday.AddHours(13) : null, VisitEndsAt = visit ? startOfToday.AddHours(14) : null, AssignedStaffName = visit ? "Els" : null,
            });
        }

        await db.SaveChangesAsync();
    }

    private static Participant NewPerson(HelpPoint point, DateTime now, string batch, int number) => new()
    {
        RegionId = point.RegionId, FirstName = $"Persoon {batch} {number}", Phone = $"0470{number % 1_000_000:000000}",
        MunicipalityId = point.MunicipalityId, TargetGroup = TargetGroup.Seniors, ConsentGivenAt = now.AddDays(-10), CreatedAt = now.AddDays(-10),
    };

    private static Device NewDevice(HelpPoint point, string key, DeviceStatus status) => new()
    {
        RegionId = point.RegionId, Kind = DeviceKind.Laptop, AssetTag = $"CNT-{key}", Model = "Lenovo IdeaPad 1 14", Condition = DeviceCondition.Good, HomeHelpPointId = point.Id, Status = status,
    };
}
