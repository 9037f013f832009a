using System.Text.Json.Nodes;
using Digibank.Api.Courses;
using Digibank.Api.Devices;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Digibank.Api.HelpRequests;
using Digibank.Api.Notifications;
using Digibank.Api.Participants;
using Digibank.Api.Partners;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Courses;
using Digibank.Api.Tests.Dashboard;
using Digibank.Api.Tests.HelpRequests;
using Digibank.Api.Tests.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.Staff;

/// <summary>
/// A digibuddy's token reaches the help requests assigned to them and nothing else a resident could not see,
/// whatever help points it names: every field and mutation of the running schema is tried with one.
/// </summary>
public sealed class DigibuddyAccessTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private const string Library = Devices.LendingTestData.Library;
    private const string MobileTeam = "Mobiele digiploeg";
    private const string Digibuddy = "Jonas";

    /// <summary>What anyone may ask without a token (README: the catalogue); a digibuddy gets exactly what they get.</summary>
    private static readonly HashSet<string> CatalogueQueries = ["node", "nodes", "courses", "topics", "helpPoints", "deviceAvailability", "partners", "municipalities", "helpFor", "regions", "region"];

    /// <summary>The dashboard's event streams, open to anyone, with a person's details for staff only.</summary>
    private static readonly HashSet<string> PublicSubscriptions =
        ["dashboardEvents", "signUpChanged", "loanChanged", "helpRequestChanged", "courseAvailabilityChanged", "deviceAvailabilityChanged", "partnerSyncCompleted"];

    /// <summary>The one staff field a digibuddy reads: it lists the requests assigned to them.</summary>
    private const string AssignedRequests = "helpRequests";

    private static readonly DateTime Now = DigibankApiFactory.Now.UtcDateTime;

    private static readonly string[] Refusals = [StaffAccess.NotAuthorized];

    [Fact]
    public async Task Every_staff_query_and_every_mutation_refuses_a_digibuddy_whatever_help_points_the_token_names()
    {
        var schema = await ReadSchemaAsync();
        var digibuddy = api.CreateDigibuddyClient(Digibuddy, Library, MobileTeam);
        var anonymous = api.CreateGraphQLClient();
        var leaks = new List<string>();

        foreach (var field in schema.Queries)
        {
            var query = schema.Query(field);
            var asDigibuddy = await digibuddy.PostAsync(query);
            if (CatalogueQueries.Contains(field))
            {
                leaks.AddRange(MoreThanAnonymous(field, await anonymous.PostAsync(query), asDigibuddy));
            }
            else if (field == AssignedRequests)
            {
                leaks.AddRange(NotAssignedTo(api.DigibuddyId(Digibuddy), field, asDigibuddy));
            }
            else if (asDigibuddy.Data?[field] is not null || asDigibuddy.ErrorCodes.Except(Refusals).Any() || !asDigibuddy.ErrorCodes.Any())
            {
                leaks.Add($"{field}: {asDigibuddy.Body?.ToJsonString()}");
            }
        }

        foreach (var field in schema.Mutations)
        {
            var response = await digibuddy.PostAsync(schema.Mutation(field));
            var payload = response.Data?[field]?.AsObject();
            var codes = payload?["errors"]?.AsArray().Select(error => (string?)error![$"{error["__typename"]}_code"]).ToList() ?? [];
            var result = payload?.Where(entry => entry.Key is not ("__typename" or "errors") && entry.Value is not null).Select(entry => entry.Key).ToList() ?? [];
            if (response.Errors is not null || codes is not ["NOT_ALLOWED"] || result.Count > 0)
            {
                leaks.Add($"{field}: {response.Body?.ToJsonString()}");
            }
        }

        Assert.True(leaks.Count == 0, "A digibuddy's token reached:\n" + string.Join("\n", leaks));
        Assert.Superset(new HashSet<string> { AssignedRequests, "courseSignUps", "callList" }, schema.Queries.ToHashSet());
        Assert.Superset(new HashSet<string> { "lendDevice", "signUpForCourse", "updateHelpRequestStatus" }, schema.Mutations.ToHashSet());
    }

    [Fact]
    public async Task Over_a_WebSocket_a_digibuddy_gets_no_staff_subscription_and_no_ones_details_in_events()
    {
        var schema = await ReadSchemaAsync();
        var course = await TestCourses.AddAsync(api, capacity: 5, helpPoint: Library);
        await using var digibuddy = await GraphQLWebSocketClient.ConnectAndInitAsync(api, api.DigibuddyToken(Digibuddy, Library, MobileTeam));
        await using var anonymous = await GraphQLWebSocketClient.ConnectAndInitAsync(api);
        var refused = new List<string>();
        foreach (var field in schema.Subscriptions.Where(field => !PublicSubscriptions.Contains(field)))
        {
            await digibuddy.SendAsync(new { id = field, type = "subscribe", payload = new { query = schema.Subscription(field) } });
            var answer = await digibuddy.NextAsync(field, "error");
            refused.AddRange(answer["payload"]!.AsArray().Select(error => $"{field}: {error!["extensions"]?["code"]}"));
        }

        await digibuddy.SubscribeAsync("events", schema.Subscription("dashboardEvents"));
        await anonymous.SubscribeAsync("events", schema.Subscription("dashboardEvents"));
        await SignUpAtTheCounterAsync(course, "Godelieve");

        var seenByDigibuddy = (await digibuddy.NextAsync("events"))["payload"]!;
        var seenByAnyone = (await anonymous.NextAsync("events"))["payload"]!;
        Assert.Equal(["callTaskAdded: AUTH_NOT_AUTHORIZED"], refused);
        Assert.Equal("SIGN_UP", (string?)seenByAnyone["data"]!["dashboardEvents"]!["kind"]);
        Assert.Equal(seenByAnyone.ToJsonString(), seenByDigibuddy.ToJsonString());
        Assert.DoesNotContain("Godelieve", seenByDigibuddy.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_digibuddy_reads_plans_and_resolves_the_help_requests_assigned_to_them_and_no_others()
    {
        var jonas = api.CreateDigibuddyClient(Digibuddy, Library, MobileTeam);
        var (theirs, someoneElses) = await HomeVisitsAtTheMobileTeamAsync();
        var slot = new { startsAt = SchemaOperations.Format(Now.AddDays(3).Date.AddHours(9)), endsAt = SchemaOperations.Format(Now.AddDays(3).Date.AddHours(10)) };

        var listed = await jonas.QueryAsync("{ helpRequests(first: 100) { nodes { id status participant { firstName phone email } } } }");
        var planned = await jonas.MutateAsync("scheduleHomeVisit", new { helpRequestId = theirs, slot.startsAt, slot.endsAt });
        var resolved = await jonas.MutateAsync("updateHelpRequestStatus", new { helpRequestId = theirs, status = "RESOLVED" });
        var notTheirsPlanned = await jonas.MutateAsync("scheduleHomeVisit", new { helpRequestId = someoneElses, slot.startsAt, slot.endsAt });
        var notTheirsResolved = await jonas.MutateAsync("updateHelpRequestStatus", new { helpRequestId = someoneElses, status = "RESOLVED" });

        var request = Assert.Single(listed["helpRequests"]!["nodes"]!.AsArray())!;
        Assert.Equal(theirs, (string?)request["id"]);
        Assert.NotNull((string?)request["participant"]!["firstName"]);
        Assert.True(request["participant"]!["phone"] is not null || request["participant"]!["email"] is not null, "Jonas cannot reach the resident.");
        Assert.Empty(planned.ErrorCodes());
        Assert.Equal(slot.startsAt, (string?)planned["helpRequest"]!["visit"]!["startsAt"]);
        Assert.Empty(resolved.ErrorCodes());
        Assert.Equal(HelpRequestStatus.Resolved, await api.StatusOfAsync(theirs));
        Assert.Equal(["NOT_ALLOWED"], notTheirsPlanned.ErrorCodes());
        Assert.Equal(["NOT_ALLOWED"], notTheirsResolved.ErrorCodes());
        Assert.Equal(HelpRequestStatus.Scheduled, await api.StatusOfAsync(someoneElses));
    }

    /// <summary>The catalogue as a digibuddy sees it must be the catalogue as anyone sees it, refusals included.</summary>
    private static IEnumerable<string> MoreThanAnonymous(string field, GraphQLResponse anonymous, GraphQLResponse digibuddy)
    {
        if (anonymous.Data?[field] is null || anonymous.ErrorCodes.Any(code => code is not StaffAccess.NotAuthenticated))
        {
            yield return $"{field}: the request itself fails, so it proves nothing: {anonymous.Body?.ToJsonString()}";
        }

        if (anonymous.Data?.ToJsonString() != digibuddy.Data?.ToJsonString() || Refused(anonymous) != Refused(digibuddy))
        {
            yield return $"{field}: {digibuddy.Body?.ToJsonString()}\n  where anyone gets {anonymous.Body?.ToJsonString()}";
        }

        static string Refused(GraphQLResponse response) => string.Join(' ', (response.Errors ?? []).Select(error => error!["path"]!.ToJsonString()).Order());
    }

    private static IEnumerable<string> NotAssignedTo(string digibuddyId, string field, GraphQLResponse response) =>
        response.Errors is not null || response.Data?[field]?["nodes"] is not JsonArray nodes
            ? [$"{field}: {response.Body?.ToJsonString()}"]
            : nodes.Where(node => (string?)node!["assignedDigibuddy"]?["id"] != digibuddyId).Select(node => $"{field}: {node!.ToJsonString()}");

    private async Task<SchemaOperations> ReadSchemaAsync()
    {
        var ids = await IdsAtTheDigibuddysPointsAsync();
        return await SchemaOperations.ReadAsync(api.CreateGraphQLClient(),
            name => ids.TryGetValue(name, out var id) ? id : throw new InvalidOperationException($"The test has no id to send as `{name}`: give it one at {Library}."),
            name => SchemaOperations.Format(name switch
            {
                "from" => Now.AddDays(-30),
                "to" => Now,
                "startsAt" => Now.AddDays(2).Date.AddHours(10),
                "endsAt" => Now.AddDays(2).Date.AddHours(11),
                _ => Now.AddDays(1),
            }));
    }

    /// <summary>
    /// Real rows at the help points in the digibuddy's token, for every id a field or mutation takes: what staff of
    /// those points could reach with them is exactly what the digibuddy must not.
    /// </summary>
    private async Task<Dictionary<string, string>> IdsAtTheDigibuddysPointsAsync()
    {
        var course = await TestCourses.AddAsync(api, capacity: 5, helpPoint: Library);
        var signUp = await SignUpAtTheCounterAsync(course, "Godelieve");
        var staff = api.CreateStaffClient(StaffRole.Staff, Library);
        var closure = await staff.QueryAsync(
            "mutation ($input: AddClosureInput!) { addClosure(input: $input) { closure { id } } }",
            new { input = new { helpPointId = api.HelpPointId(Library), startsAt = SchemaOperations.Format(Now.AddDays(20)), endsAt = SchemaOperations.Format(Now.AddDays(21)), reason = "Personeelsdag" } });
        var reservation = await staff.QueryAsync(
            "mutation ($input: ReserveDeviceInput!) { reserveDevice(input: $input) { reservation { id } } }",
            new { input = new { helpPointId = api.HelpPointId(Library), kind = "LAPTOP", firstName = "Roger", municipalityId = api.MunicipalityId("Poperinge"), targetGroup = "SENIORS", consent = true } });
        var courseId = GlobalId.DecodeFor(CourseType.TypeName, course);
        await using var db = api.CreateDbContext();
        var library = await db.HelpPoints.SingleAsync(h => h.Name == Library);
        var signUpId = GlobalId.DecodeFor(SignUpType.TypeName, signUp);
        var participantId = await db.SignUps.Where(s => s.Id == signUpId).Select(s => s.ParticipantId).SingleAsync();
        var callTask = await CallTaskForAsync(participantId);
        // Why a partner's sync failed is for staff: the catalogue's partners then carry something a digibuddy must not read.
        foreach (var partner in await db.Partners.Select(p => p.Id).ToListAsync())
        {
            db.SyncRuns.Add(new SyncRun { PartnerId = partner, PluginName = "test", StartedAt = Now, FinishedAt = Now, Outcome = SyncOutcome.Failed, Error = "The partner's export could not be read." });
        }

        // A change the messages could not handle, set aside for the coordinator to retry.
        var setAside = db.SetAsideEvents.Add(new Digibank.Api.Data.Outbox.SetAsideEvent
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
        var (_, someoneElses) = await HomeVisitsAtTheMobileTeamAsync();
        var colleague = await Balie.CounterAccounts.CreateAsync(api.Services, StaffRole.Staff, [library.Id], name: "Annelies");
        return new()
        {
            ["id"] = course,
            ["ids"] = course,
            ["courseId"] = course,
            ["signUpId"] = signUp,
            ["sessionId"] = GlobalId.Encode(CourseSessionType.TypeName, await db.CourseSessions.Where(s => s.CourseId == courseId).Select(s => s.Id).FirstAsync()),
            ["participantId"] = GlobalId.Encode(ParticipantType.TypeName, participantId),
            ["helpPointId"] = GlobalId.Encode(HelpPointType.TypeName, library.Id),
            ["municipalityId"] = api.MunicipalityId("Poperinge"),
            ["topicId"] = api.TopicId("itsme"),
            ["deviceId"] = GlobalId.Encode(DeviceType.TypeName, await db.Devices.Where(d => d.HomeHelpPointId == library.Id && d.Status == DeviceStatus.Available).Select(d => d.Id).FirstAsync()),
            ["loanId"] = GlobalId.Encode(LoanType.TypeName, await db.Loans.Where(l => l.HelpPointId == library.Id && l.ReturnedAt == null).Select(l => l.Id).FirstAsync()),
            ["reservationId"] = (string)reservation["reserveDevice"]!["reservation"]!["id"]!,
            ["helpRequestId"] = someoneElses,
            ["digibuddyId"] = api.DigibuddyId("Marc"),
            ["callTaskId"] = GlobalId.Encode(CallTaskType.TypeName, callTask),
            ["closureId"] = (string)closure["addClosure"]!["closure"]!["id"]!,
            ["partnerId"] = GlobalId.Encode(PartnerType.TypeName, await db.Partners.Where(p => p.Code == "bib-poperinge").Select(p => p.Id).SingleAsync()),
            ["setAsideEventId"] = GlobalId.Encode(Digibank.Api.Observability.SetAsideEventType.TypeName, setAside.Id),
            ["regionId"] = GlobalId.Encode(Digibank.Api.Regions.RegionType.TypeName, Digibank.Api.Regions.Region.FirstRegionId),
            ["staffAccountId"] = GlobalId.Encode(Digibank.Api.Accounts.StaffAccountType.TypeName, colleague.Id),
            ["helpPointIds"] = GlobalId.Encode(HelpPointType.TypeName, library.Id),
        };
    }

    /// <summary>Someone signed up at the counter without e-mail or phone: staff will have to call them.</summary>
    private async Task<string> SignUpAtTheCounterAsync(string course, string firstName)
    {
        var payload = (await api.CreateStaffClient(StaffRole.Staff, Library).QueryAsync(Residents.SignUpMutation, new
        {
            input = new { courseId = course, firstName, municipalityId = api.MunicipalityId("Poperinge"), targetGroup = "SENIORS", consent = true },
        }))["signUpForCourse"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        return (string)payload["signUp"]!["id"]!;
    }

    /// <summary>The call task the notifications write, once the sign-up's event has reached them.</summary>
    private async Task<int> CallTaskForAsync(int participantId)
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

    /// <summary>The seeded home visits the mobile team planned: Jonas's, and one without a digibuddy.</summary>
    private async Task<(string Theirs, string SomeoneElses)> HomeVisitsAtTheMobileTeamAsync()
    {
        await using var db = api.CreateDbContext();
        var jonas = await db.Digibuddies.Where(d => d.FirstName == Digibuddy).Select(d => d.Id).SingleAsync();
        var mobileTeam = await db.HelpPoints.Where(h => h.Name == MobileTeam).Select(h => h.Id).SingleAsync();
        var visits = await db.HelpRequests
            .Where(h => h.Channel == HelpRequestChannel.HomeVisit && h.HelpPointId == mobileTeam && h.ParticipantId != null
                && (h.Status == HelpRequestStatus.Scheduled || h.AssignedDigibuddyId == jonas))
            .Select(h => new { h.Id, h.AssignedDigibuddyId })
            .ToListAsync();
        return (GlobalId.Encode(HelpRequestType.TypeName, visits.Single(v => v.AssignedDigibuddyId == jonas).Id),
            GlobalId.Encode(HelpRequestType.TypeName, visits.Single(v => v.AssignedDigibuddyId == null).Id));
    }
}
