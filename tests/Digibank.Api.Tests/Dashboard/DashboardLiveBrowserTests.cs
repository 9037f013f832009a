using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Digibank.Api.HelpPoints;
using Digibank.Api.Regions;
using Digibank.Api.Tests.Courses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Digibank.Api.Tests.Dashboard.DashboardBrowser;

namespace Digibank.Api.Tests.Dashboard;

/// <summary>The dashboard's live part in a real browser: events over the GraphQL WebSocket, the call list, and catching up after the socket drops.</summary>
[Collection(DashboardBrowserCollection.Name)]
public sealed class DashboardLiveBrowserTests(DashboardApiFactory api, ITestOutputHelper output) : DashboardPageTests(api, output)
{
    [ChromiumFact]
    public async Task A_sign_up_made_through_GraphQL_shows_on_the_page_live()
    {
        var course = await TestCourses.AddAsync(Api, capacity: 1);
        var resident = Api.CreateLoopbackGraphQLClient();
        await SignUpAsync(resident, course, "Maria", "maria@example.com");
        var page = await Browser.NewPageAsync();
        var subscribed = await HeadlessChromium.PassGraphQLSocketThroughAsync(page);
        await GoToAsync(page, $"/dashboard?token={Api.MintCoordinatorToken()}");
        var screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", "dashboard.png");
        try
        {
            await page.WaitForFunctionAsync("() => document.body.dataset.live === 'live'", null, new() { Timeout = Patience });
            await subscribed.WaitAsync(TimeSpan.FromMilliseconds(Patience));
            var waitingBefore = ParseCount(await Text(page, "#counter-waiting"));
            var todayBefore = await Text(page, "#counter-signups-today");
            var periodBefore = await Text(page, "#counter-signups-period");
            var snapshotsBefore = await page.EvaluateAsync<string>("() => document.body.dataset.snapshots");

            var payload = await SignUpAsync(resident, course, "Roger", "roger@example.com");
            Assert.Equal("WAITLISTED", (string?)payload["signUp"]!["status"]);

            await page.WaitForFunctionAsync(
                "before => Number(document.getElementById('counter-waiting').textContent.replace(/\\D/g, '')) !== before && [...document.querySelectorAll('#feed .kind')].some(k => k.textContent === 'Inschrijving')",
                waitingBefore,
                new() { Timeout = Patience });

            // It came over the socket: the page did not load a new snapshot to show it.
            Assert.Equal(snapshotsBefore, await page.EvaluateAsync<string>("() => document.body.dataset.snapshots"));
            Assert.Equal(waitingBefore + 1, ParseCount(await Text(page, "#counter-waiting")));
            // Sign-up counts below 5 are not disclosed ("< 5"); a shown one goes up with the event.
            foreach (var (counter, before) in new[] { ("#counter-signups-today", todayBefore), ("#counter-signups-period", periodBefore) })
            {
                if (int.TryParse(before.Replace(".", string.Empty, StringComparison.Ordinal), Dutch, out var shown))
                {
                    Assert.Equal(shown + 1, ParseCount(await Text(page, counter)));
                }
            }

            var feedText = await Text(page, "#feed");
            Assert.DoesNotContain("Roger", feedText, StringComparison.Ordinal);
            Assert.DoesNotContain("roger@example.com", feedText, StringComparison.Ordinal);
            await AssertContrastAsync(page);
            Assert.Empty(Browser.PageErrors);
        }
        finally
        {
            Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
            await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
            Output.WriteLine($"Screenshot of the dashboard: {screenshot}");
        }
    }

    [ChromiumFact]
    public async Task Staff_of_a_point_see_whom_to_call_arrive_live_read_the_text_and_mark_the_call()
    {
        const string Point = "Buurtsalon Krombeke";
        var course = await TestCourses.AddAsync(Api, capacity: 5, helpPoint: Point);
        int pointId;
        await using (var db = Api.CreateDbContext())
        {
            pointId = await db.HelpPoints.Where(h => h.Name == Point).Select(h => h.Id).SingleAsync();
        }

        var token = Api.Services.GetRequiredService<Digibank.Api.Staff.StaffTokens>().Mint("test:krombeke", "Els", Digibank.Api.Staff.StaffRole.Staff, Region.FirstRegionId, [pointId]);
        var page = await Browser.NewPageAsync();
        var subscribed = await HeadlessChromium.PassGraphQLSocketThroughAsync(page);
        await GoToAsync(page, $"/dashboard?token={token}");
        await subscribed.WaitAsync(TimeSpan.FromMilliseconds(Patience));
        var anonymous = await Browser.OpenAsync("/dashboard");

        var counter = Api.CreateLoopbackGraphQLClient();
        counter.Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        await counter.QueryAsync(
            "mutation ($input: SignUpForCourseInput!) { signUpForCourse(input: $input) { errors { ... on Error { code } } } }",
            new { input = new { courseId = course, firstName = "Godelieve", municipalityId = await TestCourses.MunicipalityIdAsync(Api), targetGroup = "SENIORS", consent = true } });

        var call = page.Locator("#calls li", new() { HasText = "Godelieve" });
        await Assertions.Expect(call).ToBeVisibleAsync();
        Assert.Contains("Ingeschreven", await call.InnerTextAsync(), StringComparison.Ordinal);
        await call.Locator("summary").ClickAsync();
        Assert.Contains("Dag Godelieve,", await call.Locator(".script").InnerTextAsync(), StringComparison.Ordinal);
        await call.GetByRole(AriaRole.Button, new() { Name = "Bereikt", Exact = true }).ClickAsync();
        await Assertions.Expect(call).ToHaveCountAsync(0);
        Assert.True(await anonymous.Locator("#calls-block").IsHiddenAsync());
        Assert.Empty(Browser.PageErrors);
    }

    /// <summary>
    /// The WebSocket is served by a stand-in for the server (Playwright's WebSocket routing), so the test
    /// can send events and drop the connection at will; the HTTP snapshot still comes from the real API.
    /// </summary>
    [ChromiumFact]
    public async Task Live_events_update_the_page_and_it_reconnects_and_catches_up_after_the_server_drops_the_socket()
    {
        var token = Api.MintCoordinatorToken();
        var sockets = new ConcurrentQueue<IWebSocketRoute>();
        var inits = new ConcurrentQueue<JsonNode?>();
        var subscriptions = new ConcurrentQueue<string>();
        var page = await Browser.NewPageAsync();
        await page.RouteWebSocketAsync("**/graphql", socket =>
        {
            sockets.Enqueue(socket);
            socket.OnMessage(frame =>
            {
                var message = JsonNode.Parse(frame.Text!)!;
                switch ((string?)message["type"])
                {
                    case "connection_init":
                        inits.Enqueue(message["payload"]?.DeepClone());
                        socket.Send("""{"type":"connection_ack"}""");
                        break;
                    case "subscribe":
                        Assert.Contains("dashboardEvents", (string?)message["payload"]!["query"], StringComparison.Ordinal);
                        subscriptions.Enqueue((string)message["id"]!);
                        break;
                }
            });
        });
        await GoToAsync(page, $"/dashboard?token={token}");
        await page.WaitForFunctionAsync("() => document.body.dataset.live === 'live'");
        Assert.Equal($"Bearer {token}", (string?)Assert.Single(inits)!["authorization"]);
        Assert.Single(subscriptions);

        var first = sockets.Last();
        var id = subscriptions.Last();
        var waitingBefore = ParseCount(await Text(page, "#counter-waiting"));
        var loansBefore = ParseCount(await Text(page, "#counter-loans"));
        first.Send(Next(id, "SIGN_UP", "Iemand schreef zich in voor Smartphone voor beginners.", waitingListLength: 3));
        first.Send(Next(id, "LOAN", "Een tablet werd uitgeleend.", waitingListLength: null));
        // The counters move with the event at once; 400 ms later the page reads the devices again from the server, where
        // these made-up events changed nothing, so the moved counters are looked for from the moment the events are sent.
        await Assertions.Expect(page.Locator("#counter-loans")).ToHaveTextAsync((loansBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("#counter-waiting")).ToHaveTextAsync((waitingBefore + 3).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("#feed li")).ToHaveCountAsync(2);
        Assert.Equal("Toestel uitgeleend", await Text(page, "#feed li:first-child .kind"));

        for (var i = 0; i < 55; i++)
        {
            first.Send(Next(id, "HELP_REQUEST", $"Hulpvraag nummer {i} over itsme.", waitingListLength: null));
        }

        await Assertions.Expect(page.Locator("#feed li")).ToHaveCountAsync(50);
        Assert.Equal("Hulpvraag nummer 54 over itsme.", await Text(page, "#feed li:first-child .summary"));
        await AssertContrastAsync(page);

        var snapshotsBefore = int.Parse(await page.EvaluateAsync<string>("() => document.body.dataset.snapshots"), Dutch);
        await first.CloseAsync(new() { Code = 1012, Reason = "Service restart" });

        // Read in the page at the moment it is waiting: the retry a second later changes the text again.
        var waitingText = await (await page.WaitForFunctionAsync(
            "() => document.body.dataset.live === 'waiting' && document.getElementById('live-text').textContent", null, new() { Timeout = Patience })).JsonValueAsync<string>();
        // The first retry comes after about a second (1 s with jitter, so the countdown starts at 1 or 2 s), then the snapshot is reloaded.
        Assert.Matches("^Verbinding verbroken. Opnieuw proberen over [12] s", waitingText);
        await page.WaitForFunctionAsync(
            "before => document.body.dataset.live === 'live' && document.body.dataset.connections === '2' && Number(document.body.dataset.snapshots) > before",
            snapshotsBefore,
            new() { Timeout = Patience });
        Assert.Equal(2, sockets.Count);
        Assert.Equal(2, inits.Count);
        Assert.Equal(2, subscriptions.Count);
        // The catch-up snapshot replaces what the stand-in's made-up events added.
        Assert.Equal(waitingBefore, ParseCount(await Text(page, "#counter-waiting")));
        Assert.Empty(Browser.PageErrors);
    }

    private static string Next(string id, string kind, string summary, int? waitingListLength) =>
        new JsonObject
        {
            ["id"] = id,
            ["type"] = "next",
            ["payload"] = new JsonObject
            {
                ["data"] = new JsonObject
                {
                    ["dashboardEvents"] = new JsonObject
                    {
                        ["kind"] = kind,
                        ["at"] = DateTimeOffset.UtcNow.ToString("O"),
                        ["summary"] = summary,
                        ["municipality"] = new JsonObject { ["name"] = "Poperinge" },
                        ["helpPoint"] = new JsonObject { ["name"] = "Bibliotheek Poperinge" },
                        ["course"] = waitingListLength is null ? null : new JsonObject
                        {
                            ["id"] = "Q291cnNlOjk5OTk5OQ",
                            ["title"] = "Smartphone voor beginners",
                            ["seatsLeft"] = 0,
                            ["waitingListLength"] = waitingListLength,
                        },
                    },
                },
            },
        }.ToJsonString();

    private async Task<JsonNode> SignUpAsync(GraphQLTestClient client, string courseId, string firstName, string email)
    {
        const string SignUp = """
            mutation ($input: SignUpForCourseInput!) {
              signUpForCourse(input: $input) { signUp { status } errors { ... on Error { code message } } }
            }
            """;
        var data = await client.QueryAsync(SignUp, new
        {
            input = new
            {
                courseId,
                firstName,
                email,
                municipalityId = await TestCourses.MunicipalityIdAsync(Api),
                targetGroup = "SENIORS",
                consent = true,
            },
        });
        var payload = data["signUpForCourse"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        return payload;
    }
}
