using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Digibank.Api.Tests.Dashboard;
using Microsoft.Playwright;

namespace Digibank.Api.Tests.Balie;

/// <summary>
/// The counter app in a real browser (Debian's Chromium, in Dutch), against the API on Kestrel: sign-in, the checks
/// every page passes (axe finds no WCAG 2.1 AA violation; no console error, failed request or request elsewhere),
/// and what went wrong on the pages opened here.
/// </summary>
public sealed class CounterBrowser(DashboardApiFactory api) : IAsyncDisposable
{
    public const int Phone = 360;
    public const int Tablet = 1024;

    private static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    private readonly HeadlessChromium _chromium = new();

    /// <summary>Console errors, script errors, failed requests, error answers and requests to anywhere but the API, on every page opened here.</summary>
    public List<string> Problems { get; } = [];

    public ValueTask DisposeAsync() => _chromium.DisposeAsync();

    /// <summary>A page in a browser of its own (cookies included), <paramref name="width"/> pixels wide.</summary>
    public async Task<IPage> NewPageAsync(int width = Tablet)
    {
        var browser = await _chromium.BrowserAsync();
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = api.BaseAddress.ToString(),
            Locale = "nl-BE",
            TimezoneId = "Europe/Brussels",
            ViewportSize = new() { Width = width, Height = 800 },
        });
        context.SetDefaultTimeout(HeadlessChromium.Patience);
        var page = await context.NewPageAsync();
        var origin = api.BaseAddress.GetLeftPart(UriPartial.Authority);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Problems.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => Problems.Add($"script: {error}");
        page.RequestFailed += (_, request) => Problems.Add($"failed: {request.Url} {request.Failure}");
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(origin, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                Problems.Add($"elsewhere: {request.Url}");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Problems.Add($"answer {response.Status}: {response.Url}");
            }
        };
        return page;
    }

    /// <summary>A page signed in as <paramref name="account"/>, on Vandaag (or wherever sign-in leads).</summary>
    public async Task<IPage> SignedInAsync(CounterAccount account, int width = Tablet)
    {
        var page = await NewPageAsync(width);
        await SignInAsync(page, account.Email, account.Password);
        return page;
    }

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/balie/aanmelden");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    /// <summary>Fails on any WCAG 2.1 A or AA violation axe-core finds on the page as it is now, naming each with its elements.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(WcagAA);
        var violations = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(violations.Count == 0, $"axe on {page.Url}:\n{string.Join('\n', violations)}");
    }

    /// <summary>Fails when a page opened here logged an error, failed a request, got an error answer or reached past the API.</summary>
    public void AssertNoProblems(params string[] expected)
    {
        var unexpected = Problems.Where(problem => !expected.Any(e => problem.Contains(e, StringComparison.Ordinal))).ToList();
        Assert.True(unexpected.Count == 0, string.Join('\n', unexpected));
    }
}
