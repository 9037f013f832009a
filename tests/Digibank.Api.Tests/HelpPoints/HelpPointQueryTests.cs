using Digibank.Api.HelpPoints;
using Digibank.Api.Municipalities;
using Microsoft.EntityFrameworkCore;
using Snapshooter.Xunit;

namespace Digibank.Api.Tests.HelpPoints;

public sealed class HelpPointQueryTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private readonly GraphQLTestClient _client = api.CreateGraphQLClient();

    [Fact]
    public async Task Every_town_has_an_antenna_point_and_there_is_a_mobile_team()
    {
        var data = await _client.QueryAsync("{ helpPoints(first: 50) { nodes { name kind municipality { name } } } }");

        var points = data["helpPoints"]!["nodes"]!.AsArray();
        foreach (var town in new[] { "Poperinge", "Heuvelland", "Mesen", "Vleteren" })
        {
            Assert.Contains(points, point => (string?)point!["municipality"]!["name"] == town);
        }

        Assert.Contains(points, point => (string?)point!["kind"] == "MOBILE_TEAM");
        Assert.Contains(points, point => (string?)point!["name"] == "Buurtsalon Krombeke");
    }

    [Fact]
    public async Task Points_that_lend_devices_are_found_by_service()
    {
        var data = await _client.QueryAsync("""
            { helpPoints(first: 50, where: { services: { some: { eq: DEVICE_LENDING } } }) { nodes { name services } } }
            """);

        await using var db = api.CreateDbContext();
        var expected = (await db.HelpPoints.ToListAsync()).Count(h => h.Services.Contains(HelpPointService.DeviceLending));
        var nodes = data["helpPoints"]!["nodes"]!.AsArray();
        Assert.Equal(expected, nodes.Count);
        Assert.All(nodes, node => Assert.Contains("DEVICE_LENDING", node!["services"]!.AsArray().Select(s => (string?)s)));
    }

    [Fact]
    public async Task Points_in_a_section_are_found_through_the_town_name_without_accents_or_case()
    {
        var data = await _client.QueryAsync("""
            { helpPoints(where: { municipality: { name: { eq: "POPERINGE" } } }, order: [{ name: ASC }]) { nodes { name municipality { name } } } }
            """);

        var nodes = data["helpPoints"]!["nodes"]!.AsArray();
        Assert.NotEmpty(nodes);
        Assert.All(nodes, node => Assert.Equal("Poperinge", (string?)node!["municipality"]!["name"]));
    }

    [Fact]
    public async Task Is_open_now_follows_the_opening_hours_in_Belgian_time()
    {
        await using var db = api.CreateDbContext();
        var library = await db.HelpPoints.Include(h => h.OpeningHours).SingleAsync(h => h.Name == "Bibliotheek Poperinge");
        var period = library.OpeningHours.OrderBy(o => o.Day).First();

        var insideLocal = NextLocal(period.Day, period.Opens.AddMinutes(1));
        var outsideLocal = NextLocal(period.Day, period.Closes.AddMinutes(1));

        api.Clock.Current = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(insideLocal, RegionTime.TimeZone), TimeSpan.Zero);
        var open = await IsOpen(library.Name);
        api.Clock.Current = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(outsideLocal, RegionTime.TimeZone), TimeSpan.Zero);
        var closed = await IsOpen(library.Name);
        api.Clock.Current = DigibankApiFactory.Now;

        Assert.True(open);
        Assert.Equal(library.OpeningHours.Any(o => o.Day == period.Day && o.Opens <= period.Closes.AddMinutes(1) && period.Closes.AddMinutes(1) < o.Closes), closed);
    }

    [Fact]
    public async Task A_help_point_with_its_hours_services_and_devices()
    {
        var data = await _client.QueryAsync("""
            {
              helpPoints(where: { name: { eq: "buurtsalon krombeke" } }) {
                nodes {
                  name kind street postalCode phone email services wheelchairAccessible accessibilityNotes isOpenNow
                  section { name postalCode }
                  municipality { name }
                  location { latitude longitude }
                  openingHours { day opens closes }
                  deviceAvailability { kind total available onLoan waiting nextReturnDueAt }
                }
              }
            }
            """);

        Snapshot.Match(data.ToJsonString(new() { WriteIndented = true }));
    }

    private async Task<bool> IsOpen(string name)
    {
        var data = await _client.QueryAsync("query ($name: String) { helpPoints(where: { name: { eq: $name } }) { nodes { isOpenNow } } }", new { name });
        return (bool)data["helpPoints"]!["nodes"]![0]!["isOpenNow"]!;
    }

    private static DateTime NextLocal(DayOfWeek day, TimeOnly time)
    {
        var date = DateOnly.FromDateTime(RegionTime.ToLocal(DigibankApiFactory.Now.UtcDateTime));
        while (date.DayOfWeek != day)
        {
            date = date.AddDays(1);
        }

        return date.ToDateTime(time, DateTimeKind.Unspecified);
    }
}
