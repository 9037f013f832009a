using Digibank.Api.HelpPoints;
using Digibank.Api.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Digibank.Api.Tests.Dashboard.DashboardBrowser;

namespace Digibank.Api.Tests.Dashboard;

/// <summary>The dashboard's snapshot in a real browser: the figures, the partners, the antenna points, what shows without a token, and signing in with the keyboard.</summary>
[Collection(DashboardBrowserCollection.Name)]
public sealed class DashboardSnapshotBrowserTests(DashboardApiFactory api, ITestOutputHelper output) : DashboardPageTests(api, output)
{
    [ChromiumFact]
    public async Task The_snapshot_shows_the_catalogue_the_devices_and_the_partners_in_a_page_with_landmarks()
    {
        var token = Api.MintCoordinatorToken();
        var page = await Browser.OpenAsync($"/dashboard?token={token}");

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
        Assert.Empty(Browser.PageErrors);
    }

    [ChromiumFact]
    public async Task A_quarantined_plug_in_and_a_held_withdrawal_show_in_Dutch_with_the_reason_and_figures_for_staff_only()
    {
        string quarantinedName, heldName;
        await using (var db = Api.CreateDbContext())
        {
            var quarantined = await db.Partners.SingleAsync(p => p.Code == "stad-mesen");
            var held = await db.Partners.SingleAsync(p => p.Code == "gemeente-vleteren");
            (quarantinedName, heldName) = (quarantined.Name, held.Name);
            var now = Api.Clock.GetUtcNow().UtcDateTime;
            db.SyncRuns.Add(new SyncRun { PartnerId = quarantined.Id, PluginName = "Digibank.Plugins.Mesen", StartedAt = now.AddSeconds(-5), FinishedAt = now,
                Outcome = SyncOutcome.Quarantined, Error = "Stopped after 3 crashes in a row." });
            db.SyncRuns.Add(new SyncRun { PartnerId = held.Id, PluginName = "Digibank.Plugins.Vleteren", StartedAt = now.AddSeconds(-5), FinishedAt = now,
                Outcome = SyncOutcome.NeedsConfirmation, OffersCreated = 4 });
            db.WithdrawalHolds.Add(new WithdrawalHold { PartnerId = held.Id, RegionId = Digibank.Api.Regions.Region.FirstRegionId, HeldAt = now, CoursesToWithdraw = 2, ActiveCourses = 3, Reason = "Most of the offer." });
            await db.SaveChangesAsync();
        }

        var staff = await Browser.OpenAsync($"/dashboard?token={Api.MintCoordinatorToken()}");
        var staffQuarantined = await Text(staff, $"#partners-table tbody tr:has(th:text-is('{quarantinedName}'))");
        var staffHeld = await Text(staff, $"#partners-table tbody tr:has(th:text-is('{heldName}'))");
        await AssertContrastAsync(staff);
        var anonymous = await Browser.OpenAsync("/dashboard");
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
        Assert.Empty(Browser.PageErrors);
    }

    [ChromiumFact]
    public async Task Each_antenna_point_shows_whether_it_is_open_now_and_a_closed_one_says_why_and_when_it_opens()
    {
        const string Point = "Buurtsalon Krombeke";
        var coordinator = Api.CreateLoopbackGraphQLClient();
        coordinator.Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Api.MintCoordinatorToken());
        int pointId;
        await using (var db = Api.CreateDbContext())
        {
            pointId = await db.HelpPoints.Where(h => h.Name == Point).Select(h => h.Id).SingleAsync();
        }

        var now = Api.Clock.GetUtcNow().UtcDateTime;
        var added = await coordinator.QueryAsync(
            "mutation ($input: AddClosureInput!) { addClosure(input: $input) { closure { id } errors { ... on Error { code } } } }",
            new { input = new { helpPointId = Digibank.Api.GraphQL.Relay.GlobalId.Encode("HelpPoint", pointId), startsAt = now.AddHours(-1), endsAt = now.AddDays(2), reason = "Personeelsdag" } });
        try
        {
            var page = await Browser.OpenAsync("/dashboard");

            var closed = await Text(page, $"#devices-table tbody tr:has(th:text-is('{Point}')) td.open");
            Assert.StartsWith("Gesloten", closed, StringComparison.Ordinal);
            Assert.Contains("Personeelsdag; open vanaf", closed, StringComparison.Ordinal);
            Assert.True(await page.Locator("#devices-table td.open .open-now").CountAsync() > 0, "No point shows as open on Monday morning.");
            Assert.Empty(Browser.PageErrors);
        }
        finally
        {
            await coordinator.QueryAsync(
                "mutation ($input: RemoveClosureInput!) { removeClosure(input: $input) { closure { id } } }",
                new { input = new { closureId = (string)added["addClosure"]!["closure"]!["id"]! } });
        }
    }

    [ChromiumFact]
    public async Task Without_a_token_the_public_parts_show_and_a_staff_member_signs_in_with_the_keyboard()
    {
        var page = await Browser.OpenAsync("/dashboard");

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

        Output.WriteLine($"Tab order: {string.Join(", ", focused)}");

        Assert.Equal("skip-link", focused[0]);
        Assert.Equal("token-input", focused[1]);
        Assert.Equal("sign-in", focused[2]);
        Assert.Contains("period-select", focused);
        Assert.Contains("devices-region", focused);

        await page.Locator("#token-input").FocusAsync();
        await page.Keyboard.TypeAsync(Api.MintCoordinatorToken());
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#staff-name")).ToHaveTextAsync("Griet");
        await Assertions.Expect(page.Locator("#counter-help")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9.]+$"));
        Assert.Equal("sign-out", (await FocusedAsync(page)).Name);
        await Assertions.Expect(page.Locator("#reach-content")).ToBeVisibleAsync();
        Assert.Empty(Browser.PageErrors);
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

    private sealed record ExpectedFigures(int Courses, int Waiting, int OnLoan, int DevicePoints, int Partners);

    private async Task<ExpectedFigures> ExpectedFiguresAsync()
    {
        var client = Api.CreateLoopbackGraphQLClient();
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
