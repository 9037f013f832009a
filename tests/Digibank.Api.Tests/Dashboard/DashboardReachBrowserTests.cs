using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Digibank.Api.Tests.Dashboard.DashboardBrowser;

namespace Digibank.Api.Tests.Dashboard;

/// <summary>The reach figures in a real browser: charts with a table alternative that follow the chosen period.</summary>
[Collection(DashboardBrowserCollection.Name)]
public sealed class DashboardReachBrowserTests(DashboardApiFactory api, ITestOutputHelper output) : DashboardPageTests(api, output)
{
    /// <summary>
    /// The reach figures come from a staff-only query that may not be on this server yet; the test answers
    /// those two requests itself (the rest of the snapshot comes from the real API) to check the charts.
    /// </summary>
    [ChromiumFact]
    public async Task Reach_figures_are_drawn_as_charts_with_a_table_alternative_and_follow_the_chosen_period()
    {
        var reachRequests = new ConcurrentQueue<JsonNode>();
        var page = await Browser.NewPageAsync();
        await page.RouteAsync("**/graphql", async route =>
        {
            var request = JsonNode.Parse(route.Request.PostData ?? "{}")!;
            var query = (string?)request["query"] ?? string.Empty;
            if (query.Contains("DashboardQueryFields", StringComparison.Ordinal))
            {
                await route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = ReachSchemaAnswer });
            }
            else if (query.Contains("DashboardReach", StringComparison.Ordinal))
            {
                Assert.StartsWith("Bearer ", route.Request.Headers["authorization"], StringComparison.Ordinal);
                reachRequests.Enqueue(request["variables"]!.DeepClone());
                await route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = ReachAnswer() });
            }
            else
            {
                await route.ContinueAsync();
            }
        });

        await GoToAsync(page, $"/dashboard?token={Api.MintCoordinatorToken()}");

        await Assertions.Expect(page.Locator("#reach-content")).ToBeVisibleAsync();
        var variables = Assert.Single(reachRequests);
        Assert.Matches(@"^\d{4}-\d{2}-01$", (string?)variables["from"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", (string?)variables["to"]);
        Assert.Equal("3", await Text(page, "#counter-signups-today"));
        Assert.Equal(1234, ParseCount(await Text(page, "#counter-signups-period")));
        Assert.Equal(987, ParseCount(await Text(page, "#reach-people")));

        Assert.Equal(11, await page.Locator("#chart-month svg rect.bar").CountAsync());
        Assert.Equal(3, await page.Locator("#chart-town svg rect.bar").CountAsync());
        Assert.Contains("Mesen: klein aantal", await page.Locator("#chart-town svg desc").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(12, await page.Locator("#table-month tbody tr").CountAsync());
        Assert.Equal(4, await page.Locator("#table-town tbody tr").CountAsync());
        await page.Locator("#table-month").Locator("xpath=ancestor::details").Locator("summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#table-month")).ToBeVisibleAsync();
        Assert.Contains("klein aantal", await Text(page, "#table-month"), StringComparison.Ordinal);
        await AssertContrastAsync(page);

        var screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", "dashboard-reach.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        Output.WriteLine($"Screenshot of the dashboard with reach figures: {screenshot}");

        // The page counts months in Brussels time (its context's time zone), whatever the machine's zone.
        var monthBefore = FirstOfThisMonthInBrussels();
        await page.SelectOptionAsync("#period-select", "month");
        await page.WaitForFunctionAsync("() => true");
        await Assertions.Expect(page.Locator("#note-signups-period")).ToHaveTextAsync("deze maand");
        Assert.Equal(2, reachRequests.Count);
        Assert.Contains((string?)reachRequests.Last()["from"], new[] { monthBefore, FirstOfThisMonthInBrussels() });
        Assert.Empty(Browser.PageErrors);
    }

    private const string ReachSchemaAnswer = """
        {"data":{"__type":{"fields":[
          {"name":"courses","args":[]},
          {"name":"reachStatistics","args":[
            {"name":"from","type":{"kind":"NON_NULL","name":null,"ofType":{"kind":"SCALAR","name":"Date"}}},
            {"name":"to","type":{"kind":"NON_NULL","name":null,"ofType":{"kind":"SCALAR","name":"Date"}}}]}]}}}
        """;

    private static string ReachAnswer()
    {
        var now = DateTime.Now;
        var months = new JsonArray();
        for (var i = 11; i >= 0; i--)
        {
            var month = new DateTime(now.Year, now.Month, 1).AddMonths(-i);
            var suppressed = i == 7;
            months.Add(new JsonObject
            {
                ["month"] = month.ToString("yyyy-MM", Dutch),
                ["peopleReached"] = suppressed ? null : 40 + (i * 13 % 70),
                ["suppressed"] = suppressed,
            });
        }

        JsonObject Town(string name, int? people) => new()
        {
            ["municipality"] = new JsonObject { ["name"] = name },
            ["peopleReached"] = people,
            ["suppressed"] = people is null,
        };

        return new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["period"] = new JsonObject
                {
                    ["peopleReached"] = 987,
                    ["signUps"] = 1234,
                    ["loans"] = 321,
                    ["helpRequests"] = 456,
                    ["homeVisits"] = 78,
                    ["byMonth"] = months,
                    ["byMunicipality"] = new JsonArray(Town("Poperinge", 612), Town("Heuvelland", 241), Town("Vleteren", 129), Town("Mesen", null)),
                },
                ["today"] = new JsonObject { ["signUps"] = 3 },
            },
        }.ToJsonString();
    }

    private static string FirstOfThisMonthInBrussels() =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels")).ToString("yyyy-MM-01", Dutch);
}
