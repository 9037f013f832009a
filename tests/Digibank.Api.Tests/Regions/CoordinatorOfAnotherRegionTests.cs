using Digibank.Api.Courses;
using Digibank.Api.Devices;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Municipalities;
using Digibank.Api.Participants;
using Digibank.Api.Regions;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Courses;
using Digibank.Api.Tests.HelpRequests;
using Digibank.Api.Tests.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.Regions;

/// <summary>What a coordinator or staff member of region B cannot do in region A, and what A's own staff still can.</summary>
public sealed class CoordinatorOfAnotherRegionTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>, IAsyncLifetime
{
    private const string Library = Devices.LendingTestData.Library;
    private const string Errors = "errors { ... on Error { code } }";

    private SecondRegion _second = null!;

    public async Task InitializeAsync() => _second = await SecondRegion.OfAsync(api);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task B_cannot_lend_a_device_of_A_A_can()
    {
        var (device, person) = await DeviceAndPersonOfAAsync();
        var input = new { input = new { deviceId = device, participantId = person } };
        const string Lend = $"mutation ($input: LendDeviceInput!) {{ lendDevice(input: $input) {{ loan {{ id }} {Errors} }} }}";

        var byB = await _second.Coordinator().QueryAsync(Lend, input);
        var byA = await api.CreateStaffClient(StaffRole.Staff, Library).QueryAsync(Lend, input);

        Assert.Equal("NOT_ALLOWED", (string?)byB["lendDevice"]!["errors"]![0]!["code"]);
        Assert.Empty(byA["lendDevice"]!["errors"]!.AsArray());
    }

    [Fact]
    public async Task B_cannot_sign_a_resident_up_for_a_course_of_A_at_its_counter()
    {
        var course = await TestCourses.AddAsync(api, capacity: 5, helpPoint: Library);
        var input = new { input = new { courseId = course, firstName = "Irma", municipalityId = api.MunicipalityId("Poperinge"), targetGroup = "SENIORS", consent = true } };

        var byB = await _second.Staff().QueryAsync(Residents.SignUpMutation, input);
        var byA = await api.CreateStaffClient(StaffRole.Staff, Library).QueryAsync(Residents.SignUpMutation, input);

        Assert.Equal("NOT_ALLOWED", (string?)byB["signUpForCourse"]!["errors"]![0]!["code"]);
        Assert.Empty(byA["signUpForCourse"]!["errors"]!.AsArray());
    }

    [Fact]
    public async Task B_cannot_erase_a_person_of_A_A_can()
    {
        var (_, person) = await DeviceAndPersonOfAAsync();
        var input = new { input = new { participantId = person } };
        const string Erase = $"mutation ($input: EraseParticipantInput!) {{ eraseParticipant(input: $input) {{ participant {{ id }} {Errors} }} }}";

        var byB = await _second.Coordinator().QueryAsync(Erase, input);
        await using (var db = api.CreateDbContext())
        {
            Assert.NotNull(await db.Participants.Where(p => p.Id == GlobalId.DecodeFor(ParticipantType.TypeName, person)).Select(p => p.FirstName).SingleAsync());
        }

        var byA = await api.CreateStaffClient(StaffRole.Coordinator).QueryAsync(Erase, input);

        Assert.Equal("NOT_ALLOWED", (string?)byB["eraseParticipant"]!["errors"]![0]!["code"]);
        Assert.Empty(byA["eraseParticipant"]!["errors"]!.AsArray());
    }

    [Fact]
    public async Task B_cannot_close_a_help_point_of_A_A_can()
    {
        var now = DigibankApiFactory.Now.UtcDateTime;
        var input = new { input = new { helpPointId = api.HelpPointId(Library), startsAt = now.AddDays(40), endsAt = now.AddDays(41), reason = "Opleidingsdag" } };
        const string Close = $"mutation ($input: AddClosureInput!) {{ addClosure(input: $input) {{ closure {{ id }} {Errors} }} }}";

        var byB = await _second.Coordinator().QueryAsync(Close, input);
        var byA = await api.CreateStaffClient(StaffRole.Coordinator).QueryAsync(Close, input);

        Assert.Equal("NOT_ALLOWED", (string?)byB["addClosure"]!["errors"]![0]!["code"]);
        Assert.Empty(byA["addClosure"]!["errors"]!.AsArray());
    }

    [Fact]
    public async Task The_region_wide_lists_of_B_hold_none_of_A_and_those_of_A_do()
    {
        const string Lists = "{ overdueLoans(first: 50) { nodes { id } } helpRequests(first: 50) { nodes { id } } failedMessages { id } callList { id } }";

        var ofB = await _second.Coordinator().QueryAsync(Lists);
        var ofA = await api.CreateStaffClient(StaffRole.Coordinator).QueryAsync(Lists);

        Assert.Empty(ofB["overdueLoans"]!["nodes"]!.AsArray());
        Assert.Empty(ofB["helpRequests"]!["nodes"]!.AsArray());
        Assert.Empty(ofB["failedMessages"]!.AsArray());
        Assert.Empty(ofB["callList"]!.AsArray());
        Assert.NotEmpty(ofA["overdueLoans"]!["nodes"]!.AsArray());
        Assert.NotEmpty(ofA["helpRequests"]!["nodes"]!.AsArray());
    }

    [Fact]
    public async Task B_sees_and_changes_its_own_course_sign_ups()
    {
        const string SignUps = "query ($id: ID!) { courseSignUps(courseId: $id) { status participant { firstName } } }";

        var ofB = await _second.Coordinator().QueryAsync(SignUps, new { id = _second.CourseId });
        var byA = await api.CreateStaffClient(StaffRole.Coordinator).PostAsync(SignUps, new { id = _second.CourseId });

        Assert.Equal([SecondRegion.Resident], ofB["courseSignUps"]!.AsArray().Select(s => (string?)s!["participant"]!["firstName"]));
        Assert.Equal([StaffAccess.NotAuthorized], byA.ErrorCodes);
    }

    [Fact]
    public async Task Only_the_admin_manages_regions_and_a_town_of_another_region_is_refused()
    {
        const string Create = "mutation ($input: CreateRegionInput!) { createRegion(input: $input) { region { code } errors { __typename ... on Error { code } } } }";
        var input = new { input = new { code = "derde-test", name = "Derde", municipalities = new[] { new { name = SecondRegion.Town, postalCode = "8690", latitude = 51.0, longitude = 2.7 } } } };

        var byCoordinator = await _second.Coordinator().QueryAsync(Create, input);
        var byAdmin = await api.CreateAdminClient().QueryAsync(Create, input);

        Assert.Equal("NOT_ALLOWED", (string?)byCoordinator["createRegion"]!["errors"]![0]!["code"]);
        Assert.Equal("MunicipalityInRegionError", (string?)byAdmin["createRegion"]!["errors"]![0]!["__typename"]);
        await using var db = api.CreateDbContext();
        Assert.False(await db.Regions.AnyAsync(r => r.Code == "derde-test"));
        Assert.Equal(_second.RegionId, await db.Municipalities.Where(m => m.Name == SecondRegion.Town).Select(m => m.RegionId).SingleAsync());
        Assert.NotEqual(Region.FirstRegionId, _second.RegionId);
    }

    private async Task<(string Device, string Person)> DeviceAndPersonOfAAsync()
    {
        var course = await TestCourses.AddAsync(api, capacity: 5, helpPoint: Library);
        var signUp = await FirstRegionRows.SignUpAtTheCounterAsync(api, course, "Marcella");
        await using var db = api.CreateDbContext();
        var signUpId = GlobalId.DecodeFor(SignUpType.TypeName, signUp);
        var person = await db.SignUps.Where(s => s.Id == signUpId).Select(s => s.ParticipantId).SingleAsync();
        var device = await db.Devices.Where(d => d.HomeHelpPoint!.Name == Library && d.Status == DeviceStatus.Available).OrderByDescending(d => d.Id).Select(d => d.Id).FirstAsync();
        return (GlobalId.Encode(DeviceType.TypeName, device), GlobalId.Encode(ParticipantType.TypeName, person));
    }
}
