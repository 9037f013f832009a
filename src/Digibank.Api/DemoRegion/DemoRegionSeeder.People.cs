using Digibank.Api.HelpRequests;
using Digibank.Api.Participants;
using static Digibank.Api.Vocabulary.TargetGroup;
using static Digibank.Api.HelpRequests.HelpRequestChannel;
using static Digibank.Api.HelpRequests.HelpRequestStatus;
using static Digibank.Api.HelpRequests.HelpRequestUrgency;

namespace Digibank.Api.DemoRegion;

public static partial class DemoRegionSeeder
{
    /// <summary>Only what the work needs: a first name, at most one contact (an e-mail or a phone), a town and a group.</summary>
    private static readonly (string FirstName, string? Contact, string Municipality, TargetGroup Group, int DaysAgo)[] ParticipantRows =
    [
        ("Marleen", null, "Poperinge", Seniors, 120),
        ("Rik", null, "Poperinge", Seniors, 95),
        ("Fatima", "fatima@example.com", "Poperinge", Parents, 180),
        ("Jens", null, "Poperinge", JobSeekers, 64),
        ("Sofie", "0490 00 00 14", "Poperinge", Parents, 30),
        ("Noël", null, "Poperinge", LowIncome, 75),
        ("Agnes", null, "Poperinge", Seniors, 210),
        ("Yusuf", null, "Poperinge", Newcomers, 40),
        ("Kevin", "kevin@example.com", "Poperinge", JobSeekers, 150),
        ("Godelieve", null, "Poperinge", Seniors, 300),
        ("Lotte", null, "Poperinge", Parents, 22),
        ("Dirk", null, "Poperinge", LowIncome, 88),
        ("Maria", "0490 00 00 27", "Poperinge", Seniors, 45),
        ("Bram", null, "Heuvelland", JobSeekers, 33),
        ("Amina", null, "Poperinge", Newcomers, 70),
        ("Roger", null, "Heuvelland", Seniors, 260),
        ("Christine", "christine@example.com", "Heuvelland", Seniors, 140),
        ("Wim", null, "Heuvelland", LowLiteracy, 55),
        ("Elif", null, "Heuvelland", Parents, 19),
        ("Jacqueline", null, "Mesen", Seniors, 110),
        ("Pieter", null, "Mesen", LowIncome, 27),
        ("Annick", "annick@example.com", "Vleteren", Seniors, 90),
        ("Tom", null, "Vleteren", Parents, 35),
        ("Simonne", null, "Vleteren", Seniors, 130),
        ("Olena", null, "Poperinge", Newcomers, 16),
    ];

    private static readonly (string FirstName, string Municipality, string[] Skills, string Availability)[] DigibuddyRows =
    [
        ("Marc", "Poperinge", ["smartphone-basics", "photos", "email"], "dinsdagvoormiddag"),
        ("Griet", "Heuvelland", ["tax-on-web", "eid", "mijn-burgerprofiel"], "woensdagnamiddag en vrijdagavond"),
        ("Jonas", "Vleteren", ["itsme", "online-banking", "eid"], "zaterdagvoormiddag"),
        ("Hilde", "Poperinge", ["smartschool", "gimme", "google-meet"], "maandag- en donderdagavond"),
        ("Ahmed", "Poperinge", ["job-search", "email", "online-safety"], "donderdagvoormiddag, op afspraak"),
        ("Lieve", "Mesen", ["smartphone-basics", "online-banking"], "om de twee weken op vrijdagnamiddag"),
    ];

    /// <summary>
    /// A help request asked <paramref name="DaysAgo"/> days ago at <paramref name="At"/> (local time); a home visit is
    /// <paramref name="VisitDay"/> days from today. Both move off the weekend.
    /// </summary>
    private sealed record HelpRequestRow(
        string Topic,
        HelpRequestUrgency Urgency,
        HelpRequestChannel Channel,
        string Municipality,
        string? HelpPoint,
        int? Participant,
        string? Digibuddy,
        HelpRequestStatus Status,
        int DaysAgo,
        string At,
        int VisitDay = 0,
        string? VisitTime = null);

    private static readonly HelpRequestRow[] HelpRequestRows =
    [
        new("itsme", Urgent, WalkIn, "Poperinge", "bib-poperinge", 1, null, Resolved, 2, "10:20"),
        new("tax-on-web", Normal, Phone, "Heuvelland", "bib-heuvelland", 16, "Griet", Assigned, 1, "14:05"),
        new("online-banking", Urgent, HomeVisit, "Poperinge", "digiploeg", 12, null, Scheduled, 1, "09:40", 2, "10:00-11:30"),
        new("smartschool", Normal, WalkIn, "Poperinge", "bellewijk", 4, null, Open, 1, "15:30"),
        new("eid", Normal, HomeVisit, "Vleteren", "digiploeg", 21, "Jonas", Scheduled, 2, "11:10", 5, "14:00-15:00"),
        new("mijn-burgerprofiel", Normal, Phone, "Mesen", "stadhuis-mesen", 19, null, Open, 1, "10:45"),
        new("smartphone-basics", Normal, HomeVisit, "Poperinge", "digiploeg", 6, "Marc", Resolved, 6, "09:15", -3, "14:00-15:30"),
        new("photos", Normal, WalkIn, "Poperinge", "krombeke", null, "Marc", Cancelled, 4, "14:30"),
        new("job-search", Urgent, Phone, "Poperinge", "de-bres", 3, "Ahmed", Assigned, 1, "16:10"),
    ];

    private static List<Participant> SeedParticipants(SeedState region) =>
        ParticipantRows.Select(row =>
        {
            var createdAt = region.Now.AddDays(-row.DaysAgo);
            var isEmail = row.Contact?.Contains('@') == true;
            var participant = new Participant
            {
                FirstName = row.FirstName,
                Email = isEmail ? EmailAddress.Normalise(row.Contact) : null,
                Phone = isEmail ? null : PhoneNumber.Normalise(row.Contact),
                Municipality = region.Municipalities[row.Municipality],
                TargetGroup = row.Group,
                ConsentGivenAt = createdAt,
                CreatedAt = createdAt,
            };
            region.Participants.Add(participant);
            return participant;
        }).ToList();

    private static List<Digibuddy> SeedDigibuddies(SeedState region) =>
        DigibuddyRows.Select(row => region.Digibuddies[row.FirstName] = new Digibuddy
        {
            FirstName = row.FirstName,
            Municipality = region.Municipalities[row.Municipality],
            Skills = row.Skills.Select(code => region.Topics[code]).ToList(),
            Availability = row.Availability,
        }).ToList();

    private static List<HelpRequest> SeedHelpRequests(SeedState region) =>
        HelpRequestRows.Select(row =>
        {
            var createdAt = region.At(SeedState.Weekday(region.Today.AddDays(-row.DaysAgo), back: true), Time(row.At));
            var visit = row.VisitTime is null ? default((DateTime Starts, DateTime Ends)?) : Visit(region, row.VisitDay, row.VisitTime);
            return new HelpRequest
            {
                Topic = region.Topics[row.Topic],
                Urgency = row.Urgency,
                Channel = row.Channel,
                Municipality = region.Municipalities[row.Municipality],
                HelpPointId = row.HelpPoint is null ? null : region.HelpPoints[row.HelpPoint].Id,
                Participant = row.Participant is { } participant ? region.Participants[participant] : null,
                AssignedDigibuddy = row.Digibuddy is null ? null : region.Digibuddies[row.Digibuddy],
                Status = row.Status,
                VisitStartsAt = visit?.Starts,
                VisitEndsAt = visit?.Ends,
                CreatedAt = createdAt,
                // A visit is resolved when it ends; a question at the counter within the hour.
                ResolvedAt = row.Status == Resolved ? visit?.Ends ?? createdAt.AddMinutes(40) : null,
            };
        }).ToList();

    private static (DateTime Starts, DateTime Ends) Visit(SeedState region, int day, string time)
    {
        var (from, to) = Span(time);
        var date = SeedState.Weekday(region.Today.AddDays(day), back: day < 0);
        return (region.At(date, from), region.At(date, to));
    }
}
