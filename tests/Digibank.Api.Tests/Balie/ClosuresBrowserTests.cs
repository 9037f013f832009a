using Digibank.Api.HelpPoints;
using Digibank.Api.Municipalities;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Digibank.Api.Tests.Balie;

/// <summary>A staff member closes the library of Poperinge for Christmas at the counter, and opens it again.</summary>
public sealed class ClosuresBrowserTests : IAsyncLifetime
{
    private const string Point = "Bibliotheek Poperinge";
    private const string Christmas = "donderdag 24 december 2026 tot en met zaterdag 26 december 2026";

    private readonly DashboardApiFactory _api = new();
    private CounterBrowser _browser = default!;

    public Task InitializeAsync()
    {
        _browser = new CounterBrowser(_api);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _api.DisposeAsync();
    }

    [ChromiumFact]
    public async Task Staff_close_their_help_point_for_some_days_and_open_it_again()
    {
        int pointId;
        await using (var db = _api.CreateDbContext())
        {
            pointId = await db.HelpPoints.Where(h => h.Name == Point).Select(h => h.Id).SingleAsync();
        }

        var staff = await CounterAccounts.CreateAsync(_api.Services, StaffRole.Staff, [pointId]);
        var desk = await _browser.SignedInAsync(staff, CounterBrowser.Phone);
        await desk.GetByRole(AriaRole.Link, new() { Name = "Sluitingen" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "Sluitingen", Exact = true })).ToBeVisibleAsync();
        await Expect(desk.GetByText("Er zijn geen sluitingen gepland.")).ToBeVisibleAsync();
        await CounterBrowser.AssertAccessibleAsync(desk);

        await desk.GetByRole(AriaRole.Button, new() { Name = "Sluiting toevoegen" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Alert)).ToContainTextAsync("Kies de eerste dag dat het hulppunt dicht is.");
        await Expect(desk.GetByLabel("Laatste dag dicht")).ToHaveAttributeAsync("aria-invalid", "true");
        await CounterBrowser.AssertAccessibleAsync(desk);

        await desk.GetByLabel("Eerste dag dicht").FillAsync("2026-12-24");
        await desk.GetByLabel("Laatste dag dicht").FillAsync("2026-12-20");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Sluiting toevoegen" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Alert)).ToContainTextAsync("De laatste dag ligt vóór de eerste dag.");
        await Expect(desk.GetByRole(AriaRole.Alert)).ToContainTextAsync("Vul de reden in");
        await Expect(desk.GetByLabel("Reden")).ToHaveAttributeAsync("aria-invalid", "true");
        await CounterBrowser.AssertAccessibleAsync(desk);

        await desk.GetByLabel("Laatste dag dicht").FillAsync("2026-12-26");
        await desk.GetByLabel("Reden").FillAsync("Kerstvakantie");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Sluiting toevoegen" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("De sluiting is opgeslagen.");
        var row = desk.GetByRole(AriaRole.Row).Filter(new() { HasText = "Kerstvakantie" });
        await Expect(row).ToContainTextAsync(Christmas);
        await CounterBrowser.AssertAccessibleAsync(desk);
        await desk.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "TestResults", "balie-sluitingen.png"), FullPage = true });
        await using (var db = _api.CreateDbContext())
        {
            var closure = await db.Closures.SingleAsync(c => c.HelpPointId == pointId);
            Assert.Equal((new DateTime(2026, 12, 24), new DateTime(2026, 12, 27)), (RegionTime.ToLocal(closure.StartsAt), RegionTime.ToLocal(closure.EndsAt)));
        }

        await row.GetByRole(AriaRole.Button, new() { Name = $"Verwijderen: Kerstvakantie, {Christmas}" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("De sluiting is verwijderd.");
        await Expect(desk.GetByText("Er zijn geen sluitingen gepland.")).ToBeVisibleAsync();
        await CounterBrowser.AssertAccessibleAsync(desk);
        await using (var db = _api.CreateDbContext())
        {
            Assert.False(await db.Closures.AnyAsync(c => c.HelpPointId == pointId));
        }

        _browser.AssertNoProblems();
    }
}
