using Digibank.Api.HelpRequests;
using Digibank.Api.Municipalities;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.HelpRequests;

public sealed class AssignHelpRequestTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private const string Matches = """
        query ($id: ID!) {
          helpRequestMatches(helpRequestId: $id) {
            hasSkill sameMunicipality openAssignments
            digibuddy { firstName active availability municipality { name } skills { code } }
          }
        }
        """;

    private readonly GraphQLTestClient _heuvelland = api.CreateStaffClient(StaffRole.Staff, "Bibliotheek Heuvelland");

    [Fact]
    public async Task Matches_put_digibuddies_in_the_town_first_then_the_least_busy_and_leave_out_the_inactive()
    {
        await AddDigibuddiesAsync();
        var request = await _heuvelland.RegisterAsync(api.Question("tax-on-web", "Heuvelland", "Bibliotheek Heuvelland"));

        var matches = (await _heuvelland.QueryAsync(Matches, new { id = request }))["helpRequestMatches"]!.AsArray();

        Assert.Equal(["Griet", "Bert", "Ilse"], matches.Select(match => (string)match!["digibuddy"]!["firstName"]!));
        Assert.All(matches, match => Assert.True((bool)match!["hasSkill"]!));
        Assert.Equal([true, false, false], matches.Select(match => (bool)match!["sameMunicipality"]!));
        Assert.Equal(0, (int)matches[1]!["openAssignments"]!);
        Assert.Equal(1, (int)matches[2]!["openAssignments"]!);
        Assert.Contains("tax-on-web", matches[0]!["digibuddy"]!["skills"]!.AsArray().Select(skill => (string)skill!["code"]!));
    }

    [Fact]
    public async Task Matches_are_for_staff_of_the_requests_help_point()
    {
        var request = await _heuvelland.RegisterAsync(api.Question("tax-on-web", "Heuvelland", "Bibliotheek Heuvelland"));

        var anonymous = await api.CreateGraphQLClient().PostAsync(Matches, new { id = request });
        var otherPoint = await api.CreateStaffClient(StaffRole.Staff, "Buurtsalon Krombeke").PostAsync(Matches, new { id = request });
        var notARequest = await _heuvelland.PostAsync(Matches, new { id = api.TopicId("itsme") });

        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], anonymous.ErrorCodes);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], otherPoint.ErrorCodes);
        Assert.Equal(["INVALID_ID"], notARequest.ErrorCodes);
    }

    [Fact]
    public async Task Staff_assign_a_digibuddy_who_knows_the_topic()
    {
        var request = await _heuvelland.RegisterAsync(api.Question("tax-on-web", "Heuvelland", "Bibliotheek Heuvelland"));

        var payload = await _heuvelland.AssignAsync(request, api.DigibuddyId("Griet"));

        Assert.Empty(payload.ErrorCodes());
        Assert.Equal("ASSIGNED", (string)payload["helpRequest"]!["status"]!);
        Assert.Equal("Griet", (string)payload["helpRequest"]!["assignedDigibuddy"]!["firstName"]!);
        Assert.Null(payload["helpRequest"]!["assignedStaffName"]);
        Assert.Equal(DigibankApiFactory.Now.UtcDateTime, (DateTime)payload["helpRequest"]!["assignedAt"]!);
    }

    [Fact]
    public async Task A_digibuddy_without_the_topic_skill_is_refused_and_the_request_stays_open()
    {
        var request = await _heuvelland.RegisterAsync(api.Question("tax-on-web", "Heuvelland", "Bibliotheek Heuvelland"));

        var payload = await _heuvelland.AssignAsync(request, api.DigibuddyId("Marc"));

        Assert.Equal(["DIGIBUDDY_LACKS_SKILL"], payload.ErrorCodes());
        Assert.Equal(HelpRequestStatus.Open, await api.StatusOfAsync(request));
    }

    [Fact]
    public async Task An_inactive_digibuddy_is_refused()
    {
        await AddDigibuddiesAsync();
        var request = await _heuvelland.RegisterAsync(api.Question("tax-on-web", "Heuvelland", "Bibliotheek Heuvelland"));

        var payload = await _heuvelland.AssignAsync(request, api.DigibuddyId("Zoë"));

        Assert.Equal(["DIGIBUDDY_INACTIVE"], payload.ErrorCodes());
        Assert.Equal(HelpRequestStatus.Open, await api.StatusOfAsync(request));
    }

    [Fact]
    public async Task Staff_take_a_request_themselves_by_name()
    {
        var request = await _heuvelland.RegisterAsync(api.Question("eid", "Heuvelland", "Bibliotheek Heuvelland"));

        var payload = await _heuvelland.AssignAsync(request, assignToMe: true);

        Assert.Empty(payload.ErrorCodes());
        Assert.Equal("Test Staff", (string)payload["helpRequest"]!["assignedStaffName"]!);
        Assert.Null(payload["helpRequest"]!["assignedDigibuddy"]);
    }

    [Fact]
    public async Task Either_a_digibuddy_or_assign_to_me_and_ids_of_the_right_kind()
    {
        var request = await _heuvelland.RegisterAsync(api.Question("eid", "Heuvelland", "Bibliotheek Heuvelland"));

        var both = await _heuvelland.AssignAsync(request, api.DigibuddyId("Griet"), assignToMe: true);
        var neither = await _heuvelland.AssignAsync(request);
        var wrongKind = await _heuvelland.AssignAsync(request, api.HelpPointId("Bibliotheek Heuvelland"));
        var unknown = await _heuvelland.AssignAsync(request, Api.GraphQL.Relay.GlobalId.Encode(DigibuddyType.TypeName, 999_999));
        var unknownRequest = await _heuvelland.AssignAsync(Api.GraphQL.Relay.GlobalId.Encode(HelpRequestType.TypeName, 999_999), assignToMe: true);

        Assert.Equal(["INVALID_INPUT"], both.ErrorCodes());
        Assert.Equal(["INVALID_INPUT"], neither.ErrorCodes());
        Assert.Equal("digibuddyId", (string)wrongKind["errors"]![0]!["field"]!);
        Assert.Equal(["NOT_FOUND"], unknown.ErrorCodes());
        Assert.Equal(["NOT_FOUND"], unknownRequest.ErrorCodes());
        Assert.Equal(HelpRequestStatus.Open, await api.StatusOfAsync(request));
    }

    [Fact]
    public async Task Anonymous_callers_wrong_point_staff_and_digibuddies_cannot_assign()
    {
        var request = await _heuvelland.RegisterAsync(api.Question("tax-on-web", "Heuvelland", "Bibliotheek Heuvelland"));

        var anonymous = await api.CreateGraphQLClient().PostMutationAsync("assignHelpRequest", new { helpRequestId = request, assignToMe = true }, "id");
        var otherPoint = await api.CreateStaffClient(StaffRole.Staff, "Buurtsalon Krombeke").AssignAsync(request, assignToMe: true);
        var digibuddy = await api.CreateDigibuddyClient("Griet").AssignAsync(request, assignToMe: true);

        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], anonymous.ErrorCodes);
        Assert.Equal(["NOT_ALLOWED"], otherPoint.ErrorCodes());
        Assert.Equal(["NOT_ALLOWED"], digibuddy.ErrorCodes());
        await using var db = api.CreateDbContext();
        var stored = await db.HelpRequests.SingleAsync(h => h.Id == HelpRequestTestKit.RowId(request));
        Assert.Equal((HelpRequestStatus.Open, null, null), (stored.Status, stored.AssignedStaffName, stored.AssignedDigibuddyId));
    }

    [Fact]
    public async Task A_request_without_a_help_point_is_for_the_coordinator()
    {
        var request = await api.CreateGraphQLClient().RegisterAsync(api.Question("email", "Heuvelland") with { Email = "no.point.assign@example.com" });

        var staff = await _heuvelland.AssignAsync(request, assignToMe: true);
        var coordinator = await api.CreateStaffClient(StaffRole.Coordinator).AssignAsync(request, assignToMe: true);

        Assert.Equal(["NOT_ALLOWED"], staff.ErrorCodes());
        Assert.Empty(coordinator.ErrorCodes());
        Assert.Equal("ASSIGNED", (string)coordinator["helpRequest"]!["status"]!);
    }

    [Fact]
    public async Task A_closed_request_cannot_be_assigned()
    {
        var request = await _heuvelland.RegisterAsync(api.Question("eid", "Heuvelland", "Bibliotheek Heuvelland"));
        await _heuvelland.MutateAsync("updateHelpRequestStatus", new { helpRequestId = request, status = "CANCELLED" });

        var payload = await _heuvelland.AssignAsync(request, assignToMe: true);

        Assert.Equal(["INVALID_STATUS_CHANGE"], payload.ErrorCodes());
    }


    /// <summary>Two more tax-on-web digibuddies elsewhere (Ilse already busy) and an inactive one in Heuvelland.</summary>
    private async Task AddDigibuddiesAsync()
    {
        await using var db = api.CreateDbContext();
        if (await db.Digibuddies.AnyAsync(d => d.FirstName == "Zoë"))
        {
            return;
        }

        var taxOnWeb = await db.Topics.AsTracking().SingleAsync(t => t.Code == "tax-on-web");
        var towns = await db.Municipalities.ToDictionaryAsync(m => m.Name, m => m.Id);
        var ilse = new Digibuddy { FirstName = "Ilse", MunicipalityId = towns["Mesen"], Skills = [taxOnWeb] };
        db.Digibuddies.AddRange(
            new Digibuddy { FirstName = "Bert", MunicipalityId = towns["Poperinge"], Skills = [taxOnWeb] },
            ilse,
            new Digibuddy { FirstName = "Zoë", MunicipalityId = towns["Heuvelland"], Skills = [taxOnWeb], Active = false });
        db.HelpRequests.Add(new HelpRequest
        {
            TopicId = taxOnWeb.Id,
            MunicipalityId = towns["Mesen"],
            AssignedDigibuddy = ilse,
            Status = HelpRequestStatus.Assigned,
            CreatedAt = DigibankApiFactory.Now.UtcDateTime,
        });
        await db.SaveChangesAsync();
    }
}
