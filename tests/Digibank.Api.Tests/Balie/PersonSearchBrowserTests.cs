using Digibank.Api.Participants;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Dashboard;
using Digibank.Api.Tests.Devices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Digibank.Api.Tests.Balie;

/// <summary>
/// On a phone (360 pixels wide): people found by name, phone number or e-mail address; a registration that names
/// someone of the same name and town shows that person first, and registers a new one only when asked again; one with a
/// known e-mail address opens the person known.
/// </summary>
public sealed class PersonSearchBrowserTests : IAsyncLifetime
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
    public async Task People_are_found_by_name_phone_or_e_mail_and_a_namesake_in_the_same_town_is_shown_before_a_second_is_registered()
    {
        var staff = await CounterAccounts.CreateAsync(_api.Services, StaffRole.Staff, [await _api.HelpPointIdAsync(LendingTestData.Library)]);
        var desk = await _browser.SignedInAsync(staff, CounterBrowser.Phone);
        await desk.GotoAsync("/balie/personen");
        await CounterBrowser.AssertAccessibleAsync(desk);

        await SearchAsync(desk, "m");
        await Expect(desk.GetByRole(AriaRole.Alert)).ToContainTextAsync("Typ minstens 2 tekens");
        await Expect(desk.GetByLabel("Zoek op voornaam, telefoon of e-mailadres")).ToHaveAttributeAsync("aria-invalid", "true");
        await CounterBrowser.AssertAccessibleAsync(desk);

        await SearchAsync(desk, "mar");
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("2 personen gevonden.");
        await Expect(desk.GetByRole(AriaRole.Link, new() { Name = "Marleen", Exact = true })).ToBeVisibleAsync();
        await Expect(desk.GetByRole(AriaRole.Link, new() { Name = "Maria", Exact = true })).ToBeVisibleAsync();
        await CounterBrowser.AssertAccessibleAsync(desk);
        await AssertFitsAsync(desk);

        await SearchAsync(desk, "+32 490 00 00 27");
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("1 persoon gevonden.");
        await Expect(desk.GetByRole(AriaRole.Link, new() { Name = "Maria", Exact = true })).ToBeVisibleAsync();
        await SearchAsync(desk, "Fatima@Example.com");
        await Expect(desk.GetByRole(AriaRole.Link, new() { Name = "Fatima", Exact = true })).ToBeVisibleAsync();
        await SearchAsync(desk, "Zebedeus");
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("Niemand gevonden");
        await CounterBrowser.AssertAccessibleAsync(desk);

        await desk.GetByRole(AriaRole.Link, new() { Name = "Persoon registreren" }).ClickAsync();
        await Expect(desk.GetByLabel("Voornaam")).ToHaveValueAsync("Zebedeus");
        await desk.GetByLabel("Voornaam").FillAsync("");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Registreren" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Alert)).ToContainTextAsync("Vul de voornaam in");
        await Expect(desk.GetByRole(AriaRole.Alert)).ToContainTextAsync("Kies de gemeente");
        await Expect(desk.GetByRole(AriaRole.Alert)).ToContainTextAsync("Vraag of de persoon akkoord is");
        await CounterBrowser.AssertAccessibleAsync(desk);

        await RegisterMarleenAsync(desk);
        await RegisterKnownEmailAsync(desk);
        _browser.AssertNoProblems();
    }

    private async Task RegisterMarleenAsync(IPage desk)
    {
        await desk.GetByLabel("Voornaam").FillAsync("marleen");
        await desk.GetByLabel("Gemeente").SelectOptionAsync(new SelectOptionValue { Label = "Poperinge" });
        await desk.GetByLabel("De persoon is akkoord").CheckAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Registreren" }).ClickAsync();
        var known = desk.GetByRole(AriaRole.Region, new() { Name = "Is dit dezelfde persoon?" });
        await Expect(known).ToBeVisibleAsync();
        await using (var db = _api.CreateDbContext())
        {
            var seeded = await db.Participants.Where(p => p.FirstName == "Marleen").Select(p => p.Id).SingleAsync();
            await Expect(known.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"/balie/personen/{seeded}");
        }

        await CounterBrowser.AssertAccessibleAsync(desk);
        await AssertFitsAsync(desk);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Toch nieuw registreren" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("marleen is geregistreerd.");
        await CounterBrowser.AssertAccessibleAsync(desk);
        await AssertFitsAsync(desk);
        await using (var db = _api.CreateDbContext())
        {
            Assert.Equal(2, await db.Participants.CountAsync(p => p.FirstName!.ToLower() == "marleen"));
        }
    }

    private static async Task RegisterKnownEmailAsync(IPage desk)
    {
        await desk.GotoAsync("/balie/personen/nieuw?zoek=ANNICK@example.com");
        await desk.GetByLabel("Voornaam").FillAsync("Annick");
        await desk.GetByLabel("Gemeente").SelectOptionAsync(new SelectOptionValue { Label = "Vleteren" });
        await desk.GetByLabel("De persoon is akkoord").CheckAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Registreren" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Region, new() { Name = "Deze persoon is al bekend" })).ToBeVisibleAsync();
        await CounterBrowser.AssertAccessibleAsync(desk);
        await desk.GetByRole(AriaRole.Link, new() { Name = "Open Annick" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "Annick", Level = 1 })).ToBeVisibleAsync();
        await Expect(desk.GetByRole(AriaRole.Main)).ToContainTextAsync("annick@example.com");
    }

    private static async Task SearchAsync(IPage desk, string text)
    {
        await desk.GetByLabel("Zoek op voornaam, telefoon of e-mailadres").FillAsync(text);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await desk.WaitForURLAsync(url => System.Web.HttpUtility.ParseQueryString(new Uri(url).Query)["zoek"] == text);
    }

    /// <summary>Nothing wider than the phone: no sideways scrolling.</summary>
    private static async Task AssertFitsAsync(IPage desk) =>
        Assert.True(await desk.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{desk.Url} scrolls sideways at {CounterBrowser.Phone} px.");
}
