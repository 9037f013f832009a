using System.Text.RegularExpressions;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Dashboard;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Digibank.Api.Tests.Balie;

/// <summary>The pages around an account (sign-in, no access, Mijn account) in the browser, each checked by axe.</summary>
public sealed class AccountPagesBrowserTests : IAsyncLifetime
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

    [ChromiumFact]
    public async Task Sign_in_a_refusal_a_page_not_for_the_role_and_my_account_pass_axe_on_a_phone()
    {
        var staff = await CounterAccounts.CreateAsync(_api.Services, StaffRole.Staff, [1]);
        var page = await _browser.NewPageAsync(CounterBrowser.Phone);
        await page.GotoAsync("/balie/medewerkers");
        await Expect(page).ToHaveURLAsync(new Regex("/balie/aanmelden"));
        await CounterBrowser.AssertAccessibleAsync(page);

        await page.GetByLabel("E-mailadres").FillAsync(staff.Email);
        await page.GetByLabel("Wachtwoord").FillAsync("niet het goede wachtwoord");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Aanmelden lukt niet");
        await CounterBrowser.AssertAccessibleAsync(page);

        await page.GetByLabel("Wachtwoord").FillAsync(staff.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/balie/geen-toegang"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Geen toegang" })).ToBeVisibleAsync();
        await CounterBrowser.AssertAccessibleAsync(page);

        await page.GotoAsync("/balie/account");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mijn account" })).ToBeVisibleAsync();
        await CounterBrowser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Code aanzetten" }).ClickAsync();
        await Expect(page.GetByLabel("Code uit de app (6 cijfers)")).ToHaveAttributeAsync("aria-invalid", "true");
        await CounterBrowser.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Afmelden" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("U bent afgemeld");
        _browser.AssertNoProblems();
    }
}
