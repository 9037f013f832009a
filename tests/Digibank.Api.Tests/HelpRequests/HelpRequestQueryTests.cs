using Digibank.Api.HelpPoints;
using Digibank.Api.HelpRequests;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;
using Snapshooter.Xunit;

namespace Digibank.Api.Tests.HelpRequests;

/// <summary>Reads the seeded help requests only: this class registers nothing, so its snapshot stays put.</summary>
public sealed class HelpRequestQueryTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private const string List = """
        query ($helpPointId: ID, $status: HelpRequestStatus) {
          helpRequests(first: 100, helpPointId: $helpPointId, status: $status) {
            totalCount
            nodes { status helpPoint { name } assignedDigibuddy { firstName } }
          }
        }
        """;

    [Fact]
    public async Task Anonymous_callers_cannot_list_help_requests()
    {
        var response = await api.CreateGraphQLClient().PostAsync(List);

        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], response.ErrorCodes);
        Assert.Null(response.Data);
    }

    [Fact]
    public async Task Staff_see_the_requests_of_their_own_help_points_only()
    {
        var data = await api.CreateStaffClient(StaffRole.Staff, "Buurtsalon Krombeke", "Lokaal Dienstencentrum De Bres").QueryAsync(List);

        var points = data["helpRequests"]!["nodes"]!.AsArray().Select(node => (string)node!["helpPoint"]!["name"]!).ToList();
        await using var db = api.CreateDbContext();
        var expected = await db.HelpRequests.CountAsync(h => db.Set<HelpPoint>().Any(p => p.Id == h.HelpPointId && (p.Name == "Buurtsalon Krombeke" || p.Name == "Lokaal Dienstencentrum De Bres")));
        Assert.Equal(expected, points.Count);
        Assert.Equal(expected, (int)data["helpRequests"]!["totalCount"]!);
        Assert.All(points, point => Assert.Contains(point, new[] { "Buurtsalon Krombeke", "Lokaal Dienstencentrum De Bres" }));
        Assert.NotEmpty(points);
    }

    [Fact]
    public async Task Staff_asking_for_another_points_list_are_not_authorized()
    {
        var response = await api.CreateStaffClient(StaffRole.Staff, "Buurtsalon Krombeke")
            .PostAsync(List, new { helpPointId = api.HelpPointId("Bibliotheek Poperinge") });

        Assert.Equal(["AUTH_NOT_AUTHORIZED"], response.ErrorCodes);
        Assert.Null(response.Data);
    }

    [Fact]
    public async Task The_coordinator_sees_every_request_and_filters_by_point_and_status()
    {
        var coordinator = api.CreateStaffClient(StaffRole.Coordinator);

        var all = await coordinator.QueryAsync(List);
        var scheduledAtMobileTeam = await coordinator.QueryAsync(List, new { helpPointId = api.HelpPointId("Mobiele digiploeg"), status = "SCHEDULED" });

        await using var db = api.CreateDbContext();
        Assert.Equal(await db.HelpRequests.CountAsync(), (int)all["helpRequests"]!["totalCount"]!);
        var scheduled = scheduledAtMobileTeam["helpRequests"]!["nodes"]!.AsArray();
        Assert.Equal(2, scheduled.Count);
        Assert.All(scheduled, node => Assert.Equal("SCHEDULED", (string)node!["status"]!));
    }

    [Fact]
    public async Task A_digibuddy_sees_only_the_requests_assigned_to_them()
    {
        var data = await api.CreateDigibuddyClient("Marc").QueryAsync(List);

        var nodes = data["helpRequests"]!["nodes"]!.AsArray();
        Assert.Equal(2, nodes.Count);
        Assert.All(nodes, node => Assert.Equal("Marc", (string)node!["assignedDigibuddy"]!["firstName"]!));
    }

    [Fact]
    public async Task Who_asked_is_for_staff_of_the_requests_point_the_coordinator_and_the_digibuddy_who_helps()
    {
        const string WhoAsked = "{ helpRequests(first: 100) { nodes { participant { firstName } } } }";

        var staff = await api.CreateStaffClient(StaffRole.Staff, "Bibliotheek Heuvelland").QueryAsync(WhoAsked);
        var coordinator = await api.CreateStaffClient(StaffRole.Coordinator).QueryAsync(WhoAsked);
        var digibuddy = await api.CreateDigibuddyClient("Griet").QueryAsync(WhoAsked);

        Assert.All(staff["helpRequests"]!["nodes"]!.AsArray(), node => Assert.NotNull(node!["participant"]));
        Assert.Contains(coordinator["helpRequests"]!["nodes"]!.AsArray(), node => node!["participant"] is not null);
        Assert.NotEmpty(digibuddy["helpRequests"]!["nodes"]!.AsArray());
        Assert.All(digibuddy["helpRequests"]!["nodes"]!.AsArray(), node => Assert.NotNull(node!["participant"]));
    }

    [Fact]
    public async Task Malformed_ids_are_refused()
    {
        var response = await api.CreateStaffClient(StaffRole.Coordinator).PostAsync(List, new { helpPointId = api.TopicId("itsme") });

        Assert.Equal(["INVALID_ID"], response.ErrorCodes);
    }

    [Fact]
    public async Task The_list_of_a_help_point_shows_the_request_its_helper_and_who_asked()
    {
        var data = await api.CreateStaffClient(StaffRole.Staff, "Bibliotheek Heuvelland").QueryAsync("""
            {
              helpRequests {
                totalCount
                nodes {
                  topic { code name } urgency channel status
                  municipality { name } helpPoint { name }
                  assignedDigibuddy { firstName availability active municipality { name } skills { code } }
                  assignedStaffName visit { startsAt endsAt } createdAt resolvedAt
                  participant { firstName email phone targetGroup }
                }
              }
            }
            """);

        Snapshot.Match(data.ToJsonString(new() { WriteIndented = true }));
    }
    [Fact]
    public async Task Nested_fields_are_batched_so_statements_do_not_grow_with_the_page()
    {
        const string Page = """
            query ($first: Int) {
              helpRequests(first: $first) {
                nodes { topic { code } municipality { name } helpPoint { name } assignedDigibuddy { firstName skills { code } } participant { firstName } }
              }
            }
            """;
        var coordinator = api.CreateStaffClient(StaffRole.Coordinator);

        await coordinator.QueryAsync(Page, new { first = 2 });
        api.SqlStatements.Reset();
        await coordinator.QueryAsync(Page, new { first = 2 });
        var small = api.SqlStatements.Count;
        api.SqlStatements.Reset();
        await coordinator.QueryAsync(Page, new { first = 9 });

        Assert.Equal(small, api.SqlStatements.Count);
    }
}
