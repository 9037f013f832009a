using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Digibank.Api.HelpPoints;
using Digibank.Api.Partners;
using Digibank.Api.Tests.Courses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Digibank.Api.Tests.Dashboard;

/// <summary>The dashboard in a real browser (Debian's Chromium driven by Playwright) against the API on Kestrel.</summary>
public sealed class DashboardBrowserTests(DashboardApiFactory api, ITestOutputHelper output) : IClassFixture<DashboardApiFactory>, IAsyncLifetime
{
    private const float Patience = HeadlessChromium.Patience;

    private readonly List<string> _pageErrors = [];
    private readonly HeadlessChromium _chromium = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _chromium.DisposeAsync();

    [ChromiumFact]
    public async Task The_snapshot_shows_the_catalogue_the_devices_and_the_partners_in_a_page_with_landmarks()
    {
        var token = api.MintCoordinatorToken();
        var page = await OpenAsync($"/dashboard?token={token}");

        var expected = await ExpectedFiguresAsync();
        Assert.Equal(expected.Courses.ToString(Dutch), await Text(page, "#counter-courses"));
        Assert.Equal(expected.OnLoan.ToString(Dutch), await Text(page, "#counter-loans"));
        Assert.Equal(expected.Waiting.ToString(Dutch), await Text(page, "#counter-waiting"));
        Assert.Matches("^[0-9.]+$", await Text(page, "#counter-help"));
        Assert.Equal(expected.DevicePoints, await page.Locator("#devices-table tbody tr").CountAsync());
        Assert.Equal(expected.Partners, await page.Locator("#partners-table tbody tr").CountAsync());
        Assert.Equal("Griet", await Text(page, "#staff-name"));

        // The token left the address bar but stays for this tab.
        Assert.DoesNotContain("token", page.Url, StringComparison.Ordinal);
        Assert.Equal(token, await page.EvaluateAsync<string>("() => sessionStorage.getItem('digibank.dashboard.token')"));

        Assert.Equal(1, await page.Locator("header.page-header").CountAsync());
        Assert.Equal(1, await page.Locator("main").CountAsync());
        Assert.Equal(1, await page.Locator("footer").CountAsync());
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        Assert.Equal("polite", await page.Locator("#feed").GetAttributeAsync("aria-live"));
        Assert.Equal("nl", await page.Locator("html").GetAttributeAsync("lang"));
        var reachShown = await page.Locator("#reach-content").IsVisibleAsync();
        var reachMessage = await Text(page, "#reach-message");
        Assert.True(reachShown || reachMessage.Contains("nog niet beschikbaar", StringComparison.Ordinal), reachMessage);
        if (reachShown)
        {
            // Each chart has a text alternative: a description and a table of the same figures.
            // With the demo data every month is below the disclosure threshold: no bars, but a sentence that says so.
            Assert.True(
                await page.Locator("#chart-month svg[role=img]").CountAsync() == 1 || (await Text(page, "#chart-month")).Contains("kleiner dan 5", StringComparison.Ordinal),
                await Text(page, "#chart-month"));
            Assert.True(await page.Locator("#table-month tbody tr").CountAsync() > 0);
            Assert.True(await page.Locator("#table-town tbody tr").CountAsync() > 0);
        }

        await AssertContrastAsync(page);
        Assert.Empty(_pageErrors);
    }

    [ChromiumFact]
    public async Task A_quarantined_plug_in_and_a_held_withdrawal_show_in_Dutch_with_the_reason_and_figures_for_staff_only()
    {
        string quarantinedName, heldName;
        await using (var db = api.CreateDbContext())
        {
            var quarantined = await db.Partners.SingleAsync(p => p.Code == "stad-mesen");
            var held = await db.Partners.SingleAsync(p => p.Code == "gemeente-vleteren");
            (quarantinedName, heldName) = (quarantined.Name, held.Name);
            var now = api.Clock.GetUtcNow().UtcDateTime;
            db.SyncRuns.Add(new SyncRun { PartnerId = quarantined.Id, PluginName = "Digibank.Plugins.Mesen", StartedAt = now.AddSeconds(-5), FinishedAt = now,
                Outcome = SyncOutcome.Quarantined, Error = "Stopped after 3 crashes in a row." });
            db.SyncRuns.Add(new SyncRun { PartnerId = held.Id, PluginName = "Digibank.Plugins.Vleteren", StartedAt = now.AddSeconds(-5), FinishedAt = now,
                Outcome = SyncOutcome.NeedsConfirmation, OffersCreated = 4 });
            db.WithdrawalHolds.Add(new WithdrawalHold { PartnerId = held.Id, HeldAt = now, CoursesToWithdraw = 2, ActiveCourses = 3, Reason = "Most of the offer." });
            await db.SaveChangesAsync();
        }

        var staff = await OpenAsync($"/dashboard?token={api.MintCoordinatorToken()}");
        var staffQuarantined = await Text(staff, $"#partners-table tbody tr:has(th:text-is('{quarantinedName}'))");
        var staffHeld = await Text(staff, $"#partners-table tbody tr:has(th:text-is('{heldName}'))");
        await AssertContrastAsync(staff);
        var anonymous = await OpenAsync("/dashboard");
        var publicQuarantined = await Text(anonymous, $"#partners-table tbody tr:has(th:text-is('{quarantinedName}'))");
        var publicHeld = await Text(anonymous, $"#partners-table tbody tr:has(th:text-is('{heldName}'))");

        Assert.Contains("In quarantaine", staffQuarantined, StringComparison.Ordinal);
        Assert.Contains("Reden: Stopped after 3 crashes in a row.", staffQuarantined, StringComparison.Ordinal);
        Assert.Contains("Wacht op bevestiging", staffHeld, StringComparison.Ordinal);
        Assert.Contains("4 nieuw, 2 van 3 cursussen intrekken wacht op bevestiging", staffHeld, StringComparison.Ordinal);
        Assert.Contains("In quarantaine", publicQuarantined, StringComparison.Ordinal);
        Assert.DoesNotContain("Reden", publicQuarantined, StringComparison.Ordinal);
        Assert.Contains("Wacht op bevestiging", publicHeld, StringComparison.Ordinal);
        Assert.DoesNotContain("cursussen intrekken", publicHeld, StringComparison.Ordinal);
        Assert.Empty(_pageErrors);
    }

    [ChromiumFact]
    public async Task Without_a_token_the_public_parts_show_and_a_staff_member_signs_in_with_the_keyboard()
    {
        var page = await OpenAsync("/dashboard");

        Assert.Contains("alleen voor medewerkers", await Text(page, "#reach-message"), StringComparison.Ordinal);
        Assert.Equal("—", await Text(page, "#counter-help"));
        Assert.Matches("^[0-9.]+$", await Text(page, "#counter-loans"));
        Assert.Matches("^[0-9.]+$", await Text(page, "#counter-courses"));

        var focused = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var (name, outline) = await FocusedAsync(page);
            if (name == "body")
            {
                break; // past the last control, the focus leaves the page
            }

            focused.Add(name);
            Assert.True(outline, $"The focus on {name} is not visible.");
        }

        output.WriteLine($"Tab order: {string.Join(", ", focused)}");

        Assert.Equal("skip-link", focused[0]);
        Assert.Equal("token-input", focused[1]);
        Assert.Equal("sign-in", focused[2]);
        Assert.Contains("period-select", focused);
        Assert.Contains("devices-region", focused);

        await page.Locator("#token-input").FocusAsync();
        await page.Keyboard.TypeAsync(api.MintCoordinatorToken());
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#staff-name")).ToHaveTextAsync("Griet");
        await Assertions.Expect(page.Locator("#counter-help")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9.]+$"));
        Assert.Equal("sign-out", (await FocusedAsync(page)).Name);
        await Assertions.Expect(page.Locator("#reach-content")).ToBeVisibleAsync();
        Assert.Empty(_pageErrors);
    }

    [ChromiumFact]
    public async Task A_sign_up_made_through_GraphQL_shows_on_the_page_live()
    {
        var course = await TestCourses.AddAsync(api, capacity: 1);
        var resident = api.CreateLoopbackGraphQLClient();
        await SignUpAsync(resident, course, "Maria", "maria@example.com");
        var page = await NewPageAsync();
        var subscribed = await HeadlessChromium.PassGraphQLSocketThroughAsync(page);
        await GoToAsync(page, $"/dashboard?token={api.MintCoordinatorToken()}");
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
            Assert.Empty(_pageErrors);
        }
        finally
        {
            Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
            await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
            output.WriteLine($"Screenshot of the dashboard: {screenshot}");
        }
    }

    [ChromiumFact]
    public async Task Each_antenna_point_shows_whether_it_is_open_now_and_a_closed_one_says_why_and_when_it_opens()
    {
        const string Point = "Buurtsalon Krombeke";
        var coordinator = api.CreateLoopbackGraphQLClient();
        coordinator.Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", api.MintCoordinatorToken());
        int pointId;
        await using (var db = api.CreateDbContext())
        {
            pointId = await db.HelpPoints.Where(h => h.Name == Point).Select(h => h.Id).SingleAsync();
        }

        var now = api.Clock.GetUtcNow().UtcDateTime;
        var added = await coordinator.QueryAsync(
            "mutation ($input: AddClosureInput!) { addClosure(input: $input) { closure { id } errors { ... on Error { code } } } }",
            new { input = new { helpPointId = Digibank.Api.GraphQL.Relay.GlobalId.Encode("HelpPoint", pointId), startsAt = now.AddHours(-1), endsAt = now.AddDays(2), reason = "Personeelsdag" } });
        try
        {
            var page = await OpenAsync("/dashboard");

            var closed = await Text(page, $"#devices-table tbody tr:has(th:text-is('{Point}')) td.open");
            Assert.StartsWith("Gesloten", closed, StringComparison.Ordinal);
            Assert.Contains("Personeelsdag; open vanaf", closed, StringComparison.Ordinal);
            Assert.True(await page.Locator("#devices-table td.open .open-now").CountAsync() > 0, "No point shows as open on Monday morning.");
            Assert.Empty(_pageErrors);
        }
        finally
        {
            await coordinator.QueryAsync(
                "mutation ($input: RemoveClosureInput!) { removeClosure(input: $input) { closure { id } } }",
                new { input = new { closureId = (string)added["addClosure"]!["closure"]!["id"]! } });
        }
    }

    [ChromiumFact]
    public async Task Staff_of_a_point_see_whom_to_call_arrive_live_read_the_text_and_mark_the_call()
    {
        const string Point = "Buurtsalon Krombeke";
        var course = await TestCourses.AddAsync(api, capacity: 5, helpPoint: Point);
        int pointId;
        await using (var db = api.CreateDbContext())
        {
            pointId = await db.HelpPoints.Where(h => h.Name == Point).Select(h => h.Id).SingleAsync();
        }

        var token = api.Services.GetRequiredService<Digibank.Api.Staff.StaffTokens>().Mint("test:krombeke", "Els", Digibank.Api.Staff.StaffRole.Staff, [pointId]);
        var page = await NewPageAsync();
        var subscribed = await HeadlessChromium.PassGraphQLSocketThroughAsync(page);
        await GoToAsync(page, $"/dashboard?token={token}");
        await subscribed.WaitAsync(TimeSpan.FromMilliseconds(Patience));
        var anonymous = await OpenAsync("/dashboard");

        var counter = api.CreateLoopbackGraphQLClient();
        counter.Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        await counter.QueryAsync(
            "mutation ($input: SignUpForCourseInput!) { signUpForCourse(input: $input) { errors { ... on Error { code } } } }",
            new { input = new { courseId = course, firstName = "Godelieve", municipalityId = await TestCourses.MunicipalityIdAsync(api), targetGroup = "SENIORS", consent = true } });

        var call = page.Locator("#calls li", new() { HasText = "Godelieve" });
        await Assertions.Expect(call).ToBeVisibleAsync();
        Assert.Contains("Ingeschreven", await call.InnerTextAsync(), StringComparison.Ordinal);
        await call.Locator("summary").ClickAsync();
        Assert.Contains("Dag Godelieve,", await call.Locator(".script").InnerTextAsync(), StringComparison.Ordinal);
        await call.GetByRole(AriaRole.Button, new() { Name = "Bereikt", Exact = true }).ClickAsync();
        await Assertions.Expect(call).ToHaveCountAsync(0);
        Assert.True(await anonymous.Locator("#calls-block").IsHiddenAsync());
        Assert.Empty(_pageErrors);
    }

    /// <summary>
    /// The WebSocket is served by a stand-in for the server (Playwright's WebSocket routing), so the test
    /// can send events and drop the connection at will; the HTTP snapshot still comes from the real API.
    /// </summary>
    [ChromiumFact]
    public async Task Live_events_update_the_page_and_it_reconnects_and_catches_up_after_the_server_drops_the_socket()
    {
        var token = api.MintCoordinatorToken();
        var sockets = new ConcurrentQueue<IWebSocketRoute>();
        var inits = new ConcurrentQueue<JsonNode?>();
        var subscriptions = new ConcurrentQueue<string>();
        var page = await NewPageAsync();
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
        await Assertions.Expect(page.Locator("#feed li")).ToHaveCountAsync(2);
        Assert.Equal("Toestel uitgeleend", await Text(page, "#feed li:first-child .kind"));
        Assert.Equal(waitingBefore + 3, ParseCount(await Text(page, "#counter-waiting")));
        Assert.Equal(loansBefore + 1, ParseCount(await Text(page, "#counter-loans")));

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
        Assert.Empty(_pageErrors);
    }

    /// <summary>
    /// The reach figures come from a staff-only query that may not be on this server yet; the test answers
    /// those two requests itself (the rest of the snapshot comes from the real API) to check the charts.
    /// </summary>
    [ChromiumFact]
    public async Task Reach_figures_are_drawn_as_charts_with_a_table_alternative_and_follow_the_chosen_period()
    {
        var reachRequests = new ConcurrentQueue<JsonNode>();
        var page = await NewPageAsync();
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

        await GoToAsync(page, $"/dashboard?token={api.MintCoordinatorToken()}");

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
        output.WriteLine($"Screenshot of the dashboard with reach figures: {screenshot}");

        // The page counts months in Brussels time (its context's time zone), whatever the machine's zone.
        var monthBefore = FirstOfThisMonthInBrussels();
        await page.SelectOptionAsync("#period-select", "month");
        await page.WaitForFunctionAsync("() => true");
        await Assertions.Expect(page.Locator("#note-signups-period")).ToHaveTextAsync("deze maand");
        Assert.Equal(2, reachRequests.Count);
        Assert.Contains((string?)reachRequests.Last()["from"], new[] { monthBefore, FirstOfThisMonthInBrussels() });
        Assert.Empty(_pageErrors);
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

    private static readonly IFormatProvider Dutch = System.Globalization.CultureInfo.GetCultureInfo("nl-BE");

    private static string FirstOfThisMonthInBrussels() =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels")).ToString("yyyy-MM-01", Dutch);

    private static int ParseCount(string text) => int.Parse(text.Replace(".", string.Empty, StringComparison.Ordinal), Dutch);

    private static Task<string> Text(IPage page, string selector) => page.Locator(selector).InnerTextAsync();

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
                municipalityId = await TestCourses.MunicipalityIdAsync(api),
                targetGroup = "SENIORS",
                consent = true,
            },
        });
        var payload = data["signUpForCourse"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        return payload;
    }

    private async Task<IPage> OpenAsync(string path)
    {
        var page = await NewPageAsync();
        await GoToAsync(page, path);
        return page;
    }

    private static async Task GoToAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForFunctionAsync("() => Number(document.body.dataset.snapshots) >= 1", null, new() { Timeout = Patience });
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await (await _chromium.BrowserAsync()).NewContextAsync(new()
        {
            BaseURL = api.BaseAddress.ToString(),
            Locale = "nl-BE",
            TimezoneId = "Europe/Brussels",
            ViewportSize = new() { Width = 1400, Height = 1000 },
        });
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => _pageErrors.Add(error);
        return page;
    }

    private static async Task<(string Name, bool Outline)> FocusedAsync(IPage page)
    {
        var result = await page.EvaluateAsync<FocusResult>("""
            () => {
              const el = document.activeElement;
              const style = getComputedStyle(el);
              const name = el.id || el.className || el.tagName.toLowerCase();
              const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
              return { name, outline };
            }
            """);
        return (result.Name, result.Outline);
    }

    private sealed class FocusResult
    {
        public string Name { get; set; } = string.Empty;

        public bool Outline { get; set; }
    }

    /// <summary>
    /// Every visible piece of text against the background it is drawn on (transparent layers blended),
    /// with the WCAG 2.1 thresholds: 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold).
    /// </summary>
    private static async Task AssertContrastAsync(IPage page)
    {
        var failures = await page.EvaluateAsync<string[]>("""
            () => {
              const parse = (c) => {
                const m = /rgba?\(([^)]+)\)/.exec(c || '');
                if (!m) return null;
                const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
                return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
              };
              const blend = (top, bottom) => ({
                r: top.r * top.a + bottom.r * (1 - top.a),
                g: top.g * top.a + bottom.g * (1 - top.a),
                b: top.b * top.a + bottom.b * (1 - top.a),
                a: 1,
              });
              const luminance = ({ r, g, b }) => {
                const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
              };
              const background = (el) => {
                const layers = [];
                for (let e = el; e; e = e.parentElement) {
                  const c = parse(getComputedStyle(e).backgroundColor);
                  if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
                }
                let bg = { r: 255, g: 255, b: 255, a: 1 };
                for (let i = layers.length - 1; i >= 0; i--) bg = blend(layers[i], bg);
                return bg;
              };
              const failures = [];
              const seen = new Set();
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              while (walker.nextNode()) {
                const text = walker.currentNode.textContent.trim();
                const el = walker.currentNode.parentElement;
                if (!text || !el || seen.has(el)) continue;
                seen.add(el);
                if (el.closest('[hidden], desc, title, script, style') || el.getClientRects().length === 0) continue;
                const style = getComputedStyle(el);
                if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
                const isSvg = el instanceof SVGElement;
                const fg = parse(isSvg ? style.fill : style.color);
                if (!fg) continue;
                const bg = background(isSvg ? el.closest('svg').parentElement : el);
                const l1 = luminance(blend(fg, bg));
                const l2 = luminance(bg);
                const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
                const size = parseFloat(style.fontSize);
                const large = size >= 24 || (Number(style.fontWeight) >= 700 && size >= 18.66);
                if (ratio < (large ? 3 : 4.5)) {
                  failures.push(`${ratio.toFixed(2)}:1 for "${text.slice(0, 40)}" (${style.color} on rgb(${Math.round(bg.r)}, ${Math.round(bg.g)}, ${Math.round(bg.b)}))`);
                }
              }
              return failures;
            }
            """);
        Assert.Empty(failures);
    }

    private sealed record ExpectedFigures(int Courses, int Waiting, int OnLoan, int DevicePoints, int Partners);

    private async Task<ExpectedFigures> ExpectedFiguresAsync()
    {
        var client = api.CreateLoopbackGraphQLClient();
        var data = await client.QueryAsync("""
            {
              courses(first: 100, where: { status: { in: [SCHEDULED, FULL] } }) { totalCount nodes { waitingListLength } }
              deviceAvailability { helpPoint { id } onLoan }
              partners(first: 100) { totalCount }
            }
            """);
        var courses = data["courses"]!;
        Assert.True((int)courses["totalCount"]! <= 100, "The expected figures read one page of courses only.");
        var devices = data["deviceAvailability"]!.AsArray();
        return new ExpectedFigures(
            (int)courses["totalCount"]!,
            courses["nodes"]!.AsArray().Sum(c => (int)c!["waitingListLength"]!),
            devices.Sum(d => (int)d!["onLoan"]!),
            devices.Select(d => (string?)d!["helpPoint"]!["id"]).Distinct().Count(),
            (int)data["partners"]!["totalCount"]!);
    }
}
