using Microsoft.Playwright;

namespace Digibank.Api.Tests.Dashboard;

/// <summary>
/// Debian's Chromium driven by Playwright for the browser tests of the dashboard and the IDE, launched on first use
/// with the flags this machine's closed network needs, and closed with the test class.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    /// <summary>Waits end as soon as the page is there; the bound is for a machine whose two cores run all three test projects.</summary>
    public const float Patience = 30_000;

    private static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task<IBrowser> BrowserAsync()
    {
        if (_browser is null)
        {
            Assertions.SetDefaultExpectTimeout(Patience);
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = ChromiumFactAttribute.ExecutablePath,
                Headless = true,
                ChromiumSandbox = false,
                Args = Args,
            });
        }

        return _browser;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
