using Digibank.Api.Accounts;
using Digibank.Api.Courses;
using Digibank.Api.Data.Outbox;
using Digibank.Api.Data.RowSecurity;
using Digibank.Api.Devices;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Digibank.Api.HelpRequests;
using Digibank.Api.Notifications;
using Digibank.Api.Observability;
using Digibank.Api.Participants;
using Digibank.Api.Partners;
using Digibank.Api.Regions;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Courses;
using Digibank.Api.Tests.Dashboard;
using Digibank.Api.Tests.HelpRequests;
using Digibank.Api.Tests.Notifications;
using Digibank.Api.Tests.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.Regions;

/// <summary>
/// Real rows of the demo region (region A) for every id a field or mutation takes, at its library: what A's own staff
/// reach with them is exactly what staff of another region must not. Its people have names and addresses no
/// catalogue text holds, so a response that shows one has shown A's person.
/// </summary>
public static class FirstRegionRows
{
    public const string Library = Devices.LendingTestData.Library;
    public const string CounterResident = "Godelieve";

    private static readonly DateTime Now = DigibankApiFactory.Now.UtcDateTime;

    public static async Task<Dictionary<string, string>> BuildAsync(DigibankApiFactory api)
    {
        var course = await TestCourses.AddAsync(api, capacity: 5, helpPoint: Library);
        var staff = api.CreateStaffClient(StaffRole.Staff, Library);
        var signUp = await SignUpAtTheCounterAsync(api, course, CounterResident);
        var closure = await staff.QueryAsync(
            "mutation ($input: AddClosureInput!) { addClosure(input: $input) { closure { id } } }",
            new { input = new { helpPointId = api.HelpPointId(Library), startsAt = SchemaOperations.Format(Now.AddDays(20)), endsAt = SchemaOperations.Format(Now.AddDays(21)), reason = "Personeelsdag" } });
        var reservation = await staff.QueryAsync(
            "mutation ($input: ReserveDeviceInput!) { reserveDevice(input: $input) { reservation { id } } }",
            new { input = new { helpPointId = api.HelpPointId(Library), kind = "LAPTOP", firstName = "Roger", email = "roger.a@example.com", municipalityId = api.MunicipalityId("Poperinge"), targetGroup = "SENIORS", consent = true } });
        await using var db = api.CreateDbContext();
        // The demo region's rows, read as its own staff would on PostgreSQL.
        using var scope = RegionScope.For(Region.FirstRegionId);
        var library = await db.HelpPoints.SingleAsync(h => h.Name == Library);
        var device = await db.Devices.Where(d => d.HomeHelpPointId == library.Id && d.Status == DeviceStatus.Available).Select(d => d.Id).FirstAsync();
        var signUpId = GlobalId.DecodeFor(SignUpType.TypeName, signUp);
        var participantId = await db.SignUps.Where(s => s.Id == signUpId).Select(s => s.ParticipantId).SingleAsync();
        var lent = await staff.QueryAsync(
            "mutation ($input: LendDeviceInput!) { lendDevice(input: $input) { loan { id } errors { ... on Error { code message } } } }",
            new { input = new { deviceId = GlobalId.Encode(DeviceType.TypeName, device), participantId = GlobalId.Encode(ParticipantType.TypeName, participantId) } });
        Assert.Empty(lent["lendDevice"]!["errors"]!.AsArray());
        var callTask = await CallTaskForAsync(api, participantId);
        var partner = await db.Partners.Where(p => p.Code == "bib-poperinge").Select(p => p.Id).SingleAsync();
        // A sync failure, a withdrawal held for A's coordinator, and a change set aside for the admin.
        db.SyncRuns.Add(new SyncRun { PartnerId = partner, PluginName = "test", StartedAt = Now, FinishedAt = Now, Outcome = SyncOutcome.Failed, Error = "The partner's export could not be read." });
        var hold = new WithdrawalHold { PartnerId = partner, RegionId = Region.FirstRegionId, HeldAt = Now, CoursesToWithdraw = 1, ActiveCourses = 1, Reason = "Most of the offer." };
        hold.Courses.Add(new HeldCourse { CourseId = GlobalId.DecodeFor(CourseType.TypeName, course) });
        db.WithdrawalHolds.Add(hold);
        var setAside = db.SetAsideEvents.Add(new SetAsideEvent
        {
            Consumer = "notifications",
            Sequence = await db.OutboxMessages.MaxAsync(m => m.Id),
            EventType = "SignUpChanged",
            OccurredAt = Now,
            Attempts = 5,
            LastError = "InvalidOperationException: the notifications could not handle it.",
            SetAsideAt = Now,
        }).Entity;
        await db.SaveChangesAsync();
        var homeVisit = await db.HelpRequests.Where(h => h.RegionId == Region.FirstRegionId && h.ParticipantId != null && h.HelpPointId != null)
            .OrderBy(h => h.Id).Select(h => h.Id).FirstAsync();
        var colleague = await Balie.CounterAccounts.CreateAsync(api.Services, StaffRole.Staff, [library.Id], name: "Annelies");
        await api.UntilQuietAsync();
        return new()
        {
            ["id"] = course,
            ["ids"] = course,
            ["courseId"] = course,
            ["signUpId"] = signUp,
            ["sessionId"] = GlobalId.Encode(CourseSessionType.TypeName, await db.CourseSessions.Where(s => s.CourseId == GlobalId.DecodeFor(CourseType.TypeName, course)).Select(s => s.Id).FirstAsync()),
            ["participantId"] = GlobalId.Encode(ParticipantType.TypeName, participantId),
            ["helpPointId"] = GlobalId.Encode(HelpPointType.TypeName, library.Id),
            ["municipalityId"] = api.MunicipalityId("Poperinge"),
            ["topicId"] = api.TopicId("itsme"),
            ["deviceId"] = GlobalId.Encode(DeviceType.TypeName, await db.Devices.Where(d => d.HomeHelpPointId == library.Id && d.Status == DeviceStatus.Available).Select(d => d.Id).FirstAsync()),
            ["loanId"] = (string)lent["lendDevice"]!["loan"]!["id"]!,
            ["reservationId"] = (string)reservation["reserveDevice"]!["reservation"]!["id"]!,
            ["helpRequestId"] = GlobalId.Encode(HelpRequestType.TypeName, homeVisit),
            ["digibuddyId"] = api.DigibuddyId("Marc"),
            ["callTaskId"] = GlobalId.Encode(CallTaskType.TypeName, callTask),
            ["closureId"] = (string)closure["addClosure"]!["closure"]!["id"]!,
            ["partnerId"] = GlobalId.Encode(PartnerType.TypeName, partner),
            ["setAsideEventId"] = GlobalId.Encode(SetAsideEventType.TypeName, setAside.Id),
            ["regionId"] = GlobalId.Encode(RegionType.TypeName, Region.FirstRegionId),
            ["staffAccountId"] = GlobalId.Encode(StaffAccountType.TypeName, colleague.Id),
            ["helpPointIds"] = GlobalId.Encode(HelpPointType.TypeName, library.Id),
        };
    }

    /// <summary>What of region A's people a response must never hold for another region: names, addresses, phones, and the ids of their rows.</summary>
    public static async Task<HashSet<string>> PersonalTracesAsync(DigibankApiFactory api)
    {
        await using var db = api.CreateDbContext();
        const int A = Region.FirstRegionId;
        var people = await db.Participants.Where(p => p.RegionId == A).Select(p => new { p.Id, p.Email, p.Phone }).ToListAsync();
        var traces = new HashSet<string>(StringComparer.Ordinal) { CounterResident, "roger.a@example.com" };
        traces.UnionWith(people.SelectMany(p => new[] { p.Email, p.Phone }).OfType<string>().Where(text => text.Length > 5));
        traces.UnionWith(people.Select(p => GlobalId.Encode(ParticipantType.TypeName, p.Id)));
        traces.UnionWith((await db.SignUps.Where(s => s.RegionId == A).Select(s => s.Id).ToListAsync()).Select(id => GlobalId.Encode(SignUpType.TypeName, id)));
        traces.UnionWith((await db.Loans.Where(l => l.RegionId == A).Select(l => l.Id).ToListAsync()).Select(id => GlobalId.Encode(LoanType.TypeName, id)));
        traces.UnionWith((await db.Reservations.Where(r => r.RegionId == A).Select(r => r.Id).ToListAsync()).Select(id => GlobalId.Encode(ReservationType.TypeName, id)));
        traces.UnionWith((await db.HelpRequests.Where(h => h.RegionId == A).Select(h => h.Id).ToListAsync()).Select(id => GlobalId.Encode(HelpRequestType.TypeName, id)));
        traces.UnionWith((await db.CallTasks.Where(t => t.RegionId == A).Select(t => t.Id).ToListAsync()).Select(id => GlobalId.Encode(CallTaskType.TypeName, id)));
        traces.UnionWith(await db.StaffAccounts.Where(a => a.RegionId == A).Select(a => a.Email!).ToListAsync());
        traces.UnionWith((await db.Notifications.Where(n => n.RegionId == A).Select(n => n.Id).ToListAsync()).Select(id => GlobalId.Encode("Message", id)));
        return traces;
    }

    /// <summary>Someone signed up at A's counter without e-mail or phone: A's staff will have to call them.</summary>
    public static async Task<string> SignUpAtTheCounterAsync(DigibankApiFactory api, string course, string firstName)
    {
        var payload = (await api.CreateStaffClient(StaffRole.Staff, Library).QueryAsync(Residents.SignUpMutation, new
        {
            input = new { courseId = course, firstName, municipalityId = api.MunicipalityId("Poperinge"), targetGroup = "SENIORS", consent = true },
        }))["signUpForCourse"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        return (string)payload["signUp"]!["id"]!;
    }

    private static async Task<int> CallTaskForAsync(DigibankApiFactory api, int participantId)
    {
        var deadline = DateTime.UtcNow + GraphQLWebSocketClient.Patience;
        while (true)
        {
            await using var db = api.CreateDbContext();
            if (await db.CallTasks.Where(t => t.ParticipantId == participantId).Select(t => (int?)t.Id).FirstOrDefaultAsync() is { } id)
            {
                return id;
            }

            Assert.True(DateTime.UtcNow < deadline, "No call task was written for the counter sign-up.");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
