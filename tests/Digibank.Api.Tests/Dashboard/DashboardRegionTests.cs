using System.Net;
using Digibank.Api.Dashboard;
using Digibank.Api.Regions;
using Digibank.Api.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Api.Tests.Dashboard;

/// <summary>Two regions side by side: the dashboard's page and its subscriptions show one region at a time.</summary>
public sealed class DashboardRegionTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>, IAsyncLifetime
{
    private const string Events = "subscription ($region: String) { dashboardEvents(region: $region) { summary } }";
    private const string OwnRegion = "subscription { dashboardEvents { summary } }";

    private SecondRegion _kempen = null!;

    public async Task InitializeAsync() => (_kempen, _) = await SecondRegion.EnsureAsync(api, "paginakempen", threshold: 5);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_region_chosen_by_code_is_written_into_the_page()
    {
        var html = await api.CreateClient().GetStringAsync("/dashboard?region=paginakempen");

        Assert.Contains($"<h1>{_kempen.Region.Name}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("data-region=\"paginakempen\"", html, StringComparison.Ordinal);
        Assert.Contains(_kempen.Town.Name, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Heuvelland", html, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinators_token_opens_their_own_region()
    {
        var html = await api.CreateClient().GetStringAsync($"/dashboard?token={_kempen.Token(StaffRole.Coordinator)}");

        Assert.Contains("data-region=\"paginakempen\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_region_the_page_lists_the_regions_to_choose_from()
    {
        using var response = await api.CreateClient().GetAsync("/dashboard");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("href=\"/dashboard?region=poperinge\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/dashboard?region=paginakempen\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Equal("default-src 'none'", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")).Split(';')[0]);
    }

    [Fact]
    public async Task An_unknown_region_is_not_found_and_the_regions_are_listed()
    {
        using var response = await api.CreateClient().GetAsync("/dashboard?region=nergens");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("href=\"/dashboard?region=poperinge\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Each subscriber's first event is one of its own region: the other region's, sent first, never reached it.</summary>
    [Fact]
    public async Task Each_event_reaches_only_the_subscribers_of_its_own_region()
    {
        await using var poperinge = await GraphQLWebSocketClient.ConnectAndInitAsync(api);
        await using var kempen = await GraphQLWebSocketClient.ConnectAndInitAsync(api);
        await using var kempenCoordinator = await GraphQLWebSocketClient.ConnectAndInitAsync(api, _kempen.Token(StaffRole.Coordinator));
        await poperinge.SubscribeAsync("p", Events, new { region = "poperinge" });
        await kempen.SubscribeAsync("k", Events, new { region = "paginakempen" });
        await kempenCoordinator.SubscribeAsync("c", OwnRegion);

        var events = api.Services.GetRequiredService<DashboardEvents>();
        events.Publish([new DashboardEvent(DashboardEventKind.SignUp, DateTime.UtcNow, "in de tweede regio", RegionId: _kempen.Region.Id)]);
        events.Publish([new DashboardEvent(DashboardEventKind.SignUp, DateTime.UtcNow, "in regio Poperinge", RegionId: Region.FirstRegionId)]);
        events.Publish([new DashboardEvent(DashboardEventKind.SignUp, DateTime.UtcNow, "weer in de tweede regio", RegionId: _kempen.Region.Id)]);

        Assert.Equal("in regio Poperinge", Summary(await poperinge.NextAsync("p")));
        Assert.Equal("in de tweede regio", Summary(await kempen.NextAsync("k")));
        Assert.Equal("weer in de tweede regio", Summary(await kempen.NextAsync("k")));
        Assert.Equal("in de tweede regio", Summary(await kempenCoordinator.NextAsync("c")));
        Assert.Equal("weer in de tweede regio", Summary(await kempenCoordinator.NextAsync("c")));
    }

    [Fact]
    public async Task An_unknown_region_code_is_refused()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(api);
        await client.SendAsync(new { id = "x", type = "subscribe", payload = new { query = Events, variables = new { region = "nergens" } } });

        var error = await client.NextAsync("x", "error");
        Assert.Contains("INVALID_ARGUMENT", error.ToJsonString(), StringComparison.Ordinal);
    }

    private static string? Summary(System.Text.Json.Nodes.JsonNode message) => (string?)message["payload"]!["data"]!["dashboardEvents"]!["summary"];
}
