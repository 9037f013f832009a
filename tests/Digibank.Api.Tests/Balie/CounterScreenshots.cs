using Digibank.Api.Staff;
using Digibank.Api.Tests.Dashboard;

namespace Digibank.Api.Tests.Balie;

/// <summary>
/// The README's pictures of the counter, taken from the demo region in Chromium: run with
/// <c>DIGIBANK_SCREENSHOTS=docs/balie dotnet test --filter CounterScreenshots</c>; skipped otherwise.
/// </summary>
public sealed class CounterScreenshots : IAsyncLifetime
{
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

    [ScreenshotFact]
    public async Task The_main_pages_of_the_counter()
    {
        var folder = Path.Combine(RepositoryRoot.Path, Environment.GetEnvironmentVariable(ScreenshotFactAttribute.Variable)!);
        Directory.CreateDirectory(folder);
        var staff = await CounterAccounts.CreateAsync(_api.Services, StaffRole.Coordinator, name: "Griet");
        var page = await _browser.SignedInAsync(staff, CounterBrowser.Tablet);
        foreach (var (path, name) in new[]
        {
            ("/balie", "vandaag"), ("/balie/personen?zoek=a", "personen"), ("/balie/uitlenen", "uitlenen"), ("/balie/inschrijven", "inschrijven"),
            ("/balie/hulpvragen", "hulpvragen"), ("/balie/medewerkers", "medewerkers"),
        })
        {
            await page.GotoAsync(path);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}.png"), FullPage = false });
        }

        var phone = await _browser.SignedInAsync(staff, CounterBrowser.Phone);
        await phone.ScreenshotAsync(new() { Path = Path.Combine(folder, "vandaag-telefoon.png"), FullPage = false });
    }
}
