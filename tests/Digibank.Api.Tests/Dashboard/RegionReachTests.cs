using System.Text.Json.Nodes;
using Digibank.Api.Regions;
using Digibank.Api.Staff;
using static Digibank.Api.Tests.Dashboard.ReachTestData;

namespace Digibank.Api.Tests.Dashboard;

/// <summary>
/// Reach figures per region: a coordinator's cover their own region with its own small-group threshold, and the admin's
/// overview never lets a region's hidden figure be worked out from the totals.
/// </summary>
public sealed class RegionReachTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>, IAsyncLifetime
{
    public const string Reach = $$"""
        query ($from: DateTime!, $to: DateTime!) {
          reachStatistics(from: $from, to: $to) {
            regionCode regionName smallGroupThreshold
            {{ReachStatisticsTests.Counts}}
            byMunicipality { municipality { name } {{ReachStatisticsTests.Counts}} }
            byTargetGroup { targetGroup {{ReachStatisticsTests.Counts}} }
            byMonth { month {{ReachStatisticsTests.Counts}} }
          }
        }
        """;

    private const string Overview = $$"""
        query ($from: DateTime!, $to: DateTime!) {
          reachOverview(from: $from, to: $to) {
            regions { regionCode smallGroupThreshold {{ReachStatisticsTests.Counts}} }
            totals { peopleReached signUps attended noShows loans helpRequests homeVisits regionsLeftOut }
          }
        }
        """;

    public static readonly object Year2017 = new { from = "2017-01-01T00:00:00+01:00", to = "2018-01-01T00:00:00+01:00" };
    public static readonly object Year2016 = new { from = "2016-01-01T00:00:00+01:00", to = "2017-01-01T00:00:00+01:00" };

    public SecondRegion Kempen { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        (Kempen, var isNew) = await SecondRegion.EnsureAsync(api, "testkempen", threshold: 3);
        if (!isNew)
        {
            return;
        }

        await using var data = await OpenAsync(api);
        // 2017: 7 sign-ups in Poperinge's region, 4 in the second (shown there: its threshold is 3).
        var poperinge = data.Course(Utc(2017, 3, 20));
        var kempen = Kempen.Course(data, Utc(2017, 3, 20));
        foreach (var person in data.People(7, "Poperinge"))
        {
            data.SignUp(person, poperinge, Utc(2017, 3, 2));
        }

        foreach (var _ in Enumerable.Range(0, 4))
        {
            data.SignUp(data.Person(Kempen.Town.Id), kempen, Utc(2017, 3, 3));
        }

        // 2016: 7 again in Poperinge's region, 2 in the second: too few to show there.
        var poperinge2016 = data.Course(Utc(2016, 5, 20));
        var kempen2016 = Kempen.Course(data, Utc(2016, 5, 20));
        foreach (var person in data.People(7, "Poperinge"))
        {
            data.SignUp(person, poperinge2016, Utc(2016, 5, 2));
        }

        data.SignUp(data.Person(Kempen.Town.Id), kempen2016, Utc(2016, 5, 3));
        data.SignUp(data.Person(Kempen.Town.Id), kempen2016, Utc(2016, 5, 4));
        await data.SaveAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_coordinator_sees_their_own_region_only_with_its_own_threshold()
    {
        var first = await SecondRegion.Client(api, SecondRegion.Mint(api, StaffRole.Coordinator, Region.FirstRegionId)).QueryAsync(Reach, Year2017);
        var second = await SecondRegion.Client(api, Kempen.Token(StaffRole.Coordinator)).QueryAsync(Reach, Year2017);

        var poperinge = first["reachStatistics"]!;
        Assert.Equal("poperinge", (string?)poperinge["regionCode"]);
        Assert.Equal(7, (int?)poperinge["signUps"]);
        Assert.DoesNotContain(poperinge["byMunicipality"]!.AsArray(), row => ((string?)row!["municipality"]!["name"])!.StartsWith("Dorp", StringComparison.Ordinal));

        var kempen = second["reachStatistics"]!;
        Assert.Equal("testkempen", (string?)kempen["regionCode"]);
        Assert.Equal(3, (int?)kempen["smallGroupThreshold"]);
        Assert.Equal(4, (int?)kempen["signUps"]);
        Assert.Equal(4, (int?)kempen["peopleReached"]);
        var town = Assert.Single(kempen["byMunicipality"]!.AsArray());
        Assert.Equal(Kempen.Town.Name, (string?)town!["municipality"]!["name"]);
    }

    [Fact]
    public async Task A_town_of_another_region_is_not_the_coordinators_to_ask_about()
    {
        var response = await SecondRegion.Client(api, SecondRegion.Mint(api, StaffRole.Coordinator, Region.FirstRegionId)).PostAsync(
            "query ($from: DateTime!, $to: DateTime!, $town: ID) { reachStatistics(from: $from, to: $to, municipalityId: $town) { signUps } }",
            new { from = "2017-01-01T00:00:00Z", to = "2018-01-01T00:00:00Z", town = GlobalMunicipalityId(Kempen.Town.Id) });

        Assert.Equal([StaffAccess.NotAuthorized], response.ErrorCodes);
    }

    [Fact]
    public async Task The_overview_shows_every_region_as_its_coordinator_sees_it()
    {
        var overview = (await SecondRegion.Client(api, SecondRegion.Mint(api, StaffRole.Admin, null)).QueryAsync(Overview, Year2017))["reachOverview"]!;
        var coordinator = (await SecondRegion.Client(api, Kempen.Token(StaffRole.Coordinator)).QueryAsync(Reach, Year2017))["reachStatistics"]!;

        var kempen = RegionRow(overview, "testkempen");
        foreach (var figure in ReachStatisticsTests.Counts.Split(' '))
        {
            Assert.Equal(coordinator[figure]?.ToJsonString(), kempen[figure]?.ToJsonString());
        }

        Assert.Equal(11, (int?)overview["totals"]!["signUps"]);
    }

    /// <summary>The attack the rule is there for: the total minus every other region's shown figure.</summary>
    [Fact]
    public async Task No_hidden_figure_of_a_region_can_be_worked_out_by_subtracting_from_the_totals()
    {
        var overview = (await SecondRegion.Client(api, SecondRegion.Mint(api, StaffRole.Admin, null)).QueryAsync(Overview, Year2016))["reachOverview"]!;

        var kempen = RegionRow(overview, "testkempen");
        Assert.Null(kempen["signUps"]);
        Assert.True((bool)kempen["suppressed"]!);
        var others = overview["regions"]!.AsArray().Where(row => (string?)row!["regionCode"] != "testkempen").Sum(row => (int?)row!["signUps"] ?? 0);
        var workedOut = ((int?)overview["totals"]!["signUps"] ?? 0) - others;
        Assert.NotEqual(2, workedOut);
        Assert.Equal(0, workedOut);
        Assert.True((int)overview["totals"]!["regionsLeftOut"]! >= 1);
    }

    [Theory]
    [InlineData(StaffRole.Coordinator)]
    [InlineData(StaffRole.Staff)]
    [InlineData(StaffRole.Digibuddy)]
    public async Task Only_the_admin_gets_the_overview(StaffRole role)
    {
        var response = await SecondRegion.Client(api, SecondRegion.Mint(api, role, Region.FirstRegionId)).PostAsync(Overview, Year2017);

        Assert.Equal([StaffAccess.NotAuthorized], response.ErrorCodes);
    }

    private static JsonNode RegionRow(JsonNode overview, string code) =>
        overview["regions"]!.AsArray().Single(row => (string?)row!["regionCode"] == code)!;
}
