using System.Text.RegularExpressions;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Dashboard;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Digibank.Api.Tests.Balie;

/// <summary>A coordinator invites a colleague at the counter, the colleague starts through the e-mail's link, and is stopped again.</summary>
public sealed partial class ColleagueAccountBrowserTests : IAsyncLifetime
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
    public async Task A_colleague_invited_at_the_counter_starts_through_the_mail_and_is_locked_out_the_moment_they_are_stopped()
    {
        var coordinator = await CounterAccounts.CreateAsync(_api.Services, StaffRole.Coordinator);
        var desk = await _browser.SignedInAsync(coordinator);
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "Vandaag" })).ToBeVisibleAsync();

        await desk.GotoAsync("/balie/medewerkers");
        await CounterBrowser.AssertAccessibleAsync(desk);
        var email = $"pieter.{Guid.NewGuid():N}@digibank.test";
        await desk.GetByLabel("Naam", new() { Exact = true }).FillAsync("Pieter");
        await desk.GetByLabel("E-mailadres").FillAsync(email);
        await desk.GetByLabel("Medewerker", new() { Exact = false }).First.CheckAsync();
        await desk.GetByRole(AriaRole.Group, new() { Name = "Hulppunten" }).GetByRole(AriaRole.Checkbox).First.CheckAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Uitnodiging versturen" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync($"De uitnodiging is verstuurd naar {email}");
        await Expect(desk.GetByRole(AriaRole.Row).Filter(new() { HasText = email })).ToContainTextAsync("Uitgenodigd");

        var link = new Uri(InvitationLink().Match(await MailToAsync(email)).Value);
        var colleague = await _browser.NewPageAsync(CounterBrowser.Phone);
        await colleague.GotoAsync(link.PathAndQuery);
        await Expect(colleague.GetByRole(AriaRole.Heading, new() { Name = "Welkom, Pieter" })).ToBeVisibleAsync();
        await CounterBrowser.AssertAccessibleAsync(colleague);
        await colleague.GetByLabel("Nieuw wachtwoord").FillAsync("kort");
        await colleague.GetByLabel("Typ het wachtwoord nog eens").FillAsync("kort");
        await colleague.GetByRole(AriaRole.Button, new() { Name = "Wachtwoord opslaan" }).ClickAsync();
        await Expect(colleague.GetByRole(AriaRole.Alert)).ToContainTextAsync("minstens 12 tekens");
        await Expect(colleague.GetByLabel("Nieuw wachtwoord")).ToHaveAttributeAsync("aria-invalid", "true");
        await CounterBrowser.AssertAccessibleAsync(colleague);

        await colleague.GetByLabel("Nieuw wachtwoord").FillAsync(CounterAccounts.Password);
        await colleague.GetByLabel("Typ het wachtwoord nog eens").FillAsync(CounterAccounts.Password);
        await colleague.GetByRole(AriaRole.Button, new() { Name = "Wachtwoord opslaan" }).ClickAsync();
        await Expect(colleague.GetByRole(AriaRole.Status)).ToContainTextAsync("Welkom bij de balie");
        await colleague.GotoAsync("/balie");
        await Expect(colleague.GetByRole(AriaRole.Heading, new() { Name = "Vandaag" })).ToBeVisibleAsync();

        // The link works once.
        var reused = await _browser.NewPageAsync();
        await reused.GotoAsync(link.PathAndQuery);
        await Expect(reused.GetByRole(AriaRole.Heading, new() { Name = "Deze link werkt niet" })).ToBeVisibleAsync();

        await desk.GotoAsync("/balie/medewerkers");
        await desk.GetByRole(AriaRole.Link, new() { Name = "Pieter wijzigen" }).ClickAsync();
        await desk.GetByRole(AriaRole.Link, new() { Name = "Account stoppen…" }).ClickAsync();
        await CounterBrowser.AssertAccessibleAsync(desk);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Ja, account stoppen" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("Het account is gestopt");

        await colleague.GotoAsync("/balie");
        await Expect(colleague).ToHaveURLAsync(new Regex("/balie/aanmelden"));
        await CounterBrowser.SignInAsync(colleague, email, CounterAccounts.Password);
        await Expect(colleague.GetByRole(AriaRole.Alert)).ToContainTextAsync("Aanmelden lukt niet");
        _browser.AssertNoProblems();
    }

    private async Task<string> MailToAsync(string email)
    {
        foreach (var file in Directory.Exists(_api.MailFolder) ? Directory.GetFiles(_api.MailFolder, "*.eml") : [])
        {
            var text = await File.ReadAllTextAsync(file);
            if (text.Contains(email, StringComparison.Ordinal))
            {
                return text;
            }
        }

        throw new Xunit.Sdk.XunitException($"No e-mail went to {email}.");
    }

    [GeneratedRegex(@"http://[^\s]+/balie/uitnodiging/[^\s]+")]
    private static partial Regex InvitationLink();
}
