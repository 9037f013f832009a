using Digibank.Api.HelpPoints;
using Digibank.Api.HelpRequests;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Digibank.Api.Tests.Balie;

/// <summary>A question at the counter: registered for someone without e-mail or phone, given to a digibuddy, planned, resolved by that digibuddy.</summary>
public sealed class HelpRequestBrowserTests : IAsyncLifetime
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
    public async Task A_help_request_registered_at_the_counter_goes_to_a_digibuddy_who_knows_the_topic_gets_a_visit_and_is_resolved_by_that_digibuddy()
    {
        int library, jonas;
        await using (var db = _api.CreateDbContext())
        {
            library = await db.HelpPoints.Where(h => h.Name == "Bibliotheek Poperinge").Select(h => h.Id).SingleAsync();
            jonas = await db.Digibuddies.Where(d => d.FirstName == "Jonas").Select(d => d.Id).SingleAsync();
        }

        var staff = await CounterAccounts.CreateAsync(_api.Services, StaffRole.Staff, [library]);
        var desk = await _browser.SignedInAsync(staff);
        await RegisterForSomeoneWithoutContactAsync(desk);
        await GiveToJonasAsync(desk);
        await PlanInJonasWeekAsync(desk);

        // Jonas, signed in on a phone, sees the requests given to him, and resolves this one.
        var buddy = await CounterAccounts.CreateAsync(_api.Services, StaffRole.Digibuddy, name: "Jonas", digibuddyId: jonas);
        await ResolveAsDigibuddyAsync(await _browser.SignedInAsync(buddy, CounterBrowser.Phone));

        await using (var db = _api.CreateDbContext())
        {
            var request = await db.HelpRequests.Include(h => h.Participant).SingleAsync(h => h.Participant!.FirstName == "Roza");
            Assert.Equal((HelpRequestStatus.Resolved, jonas, library), (request.Status, request.AssignedDigibuddyId!.Value, request.HelpPointId!.Value));
            Assert.Null(request.Participant!.Email ?? request.Participant.Phone);
        }

        _browser.AssertNoProblems();
    }

    private static async Task RegisterForSomeoneWithoutContactAsync(IPage desk)
    {
        await desk.GotoAsync("/balie/hulpvragen");
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "Hulpvragen", Exact = true })).ToBeVisibleAsync();
        await CounterBrowser.AssertAccessibleAsync(desk);

        // Without a topic and a town the page says what is missing, next to each field.
        await desk.GetByLabel("Voornaam", new() { Exact = true }).FillAsync("Roza");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Hulpvraag registreren" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Alert)).ToContainTextAsync("Kies waarover de vraag gaat.");
        await Expect(desk.GetByLabel("Woonplaats", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await CounterBrowser.AssertAccessibleAsync(desk);

        // Assisted: no e-mail address, no phone.
        await desk.GetByLabel("Voornaam", new() { Exact = true }).FillAsync("Roza");
        await desk.GetByLabel("Waarover gaat de vraag?").SelectOptionAsync(new SelectOptionValue { Label = "itsme" });
        await desk.GetByLabel("Dringend").CheckAsync();
        await desk.GetByLabel("Huisbezoek").CheckAsync();
        await desk.GetByLabel("Woonplaats", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Vleteren" });
        await desk.GetByLabel("De persoon is akkoord", new() { Exact = false }).CheckAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Hulpvraag registreren" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "Hulpvraag over itsme" })).ToBeVisibleAsync();
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("De hulpvraag is geregistreerd");
        await Expect(desk.GetByText("Geen telefoon of e-mail", new() { Exact = false })).ToBeVisibleAsync();
        await CounterBrowser.AssertAccessibleAsync(desk);
    }

    /// <summary>Jonas helps with itsme and lives in Vleteren; Marc, who does not know itsme, is not proposed.</summary>
    private static async Task GiveToJonasAsync(IPage desk)
    {
        await Expect(desk.GetByRole(AriaRole.Radio, new() { Name = "Marc" })).ToHaveCountAsync(0);
        await desk.GetByRole(AriaRole.Radio, new() { Name = "Jonas" }).CheckAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Vraag geven" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("De vraag is gegeven aan Jonas. Plan nu het huisbezoek.");
        await CounterBrowser.AssertAccessibleAsync(desk);
    }

    /// <summary>Next week Jonas already visits someone on Monday afternoon: that slot is not free, and planning over it is refused.</summary>
    private static async Task PlanInJonasWeekAsync(IPage desk)
    {
        await desk.GetByRole(AriaRole.Link, new() { Name = "Volgende week" }).ClickAsync();
        await Expect(desk.GetByText("Jonas heeft in die week al een bezoek op: maandag 7 december van 14:00 tot 15:00.")).ToBeVisibleAsync();
        var monday = desk.GetByRole(AriaRole.Group, new() { Name = "maandag 7 december" });
        await Expect(monday.GetByLabel("9:00 tot 11:00")).ToBeVisibleAsync();
        await Expect(monday.GetByLabel("14:00 tot 16:00")).ToHaveCountAsync(0);
        await desk.GetByLabel("Dag", new() { Exact = true }).FillAsync("2026-12-07");
        await desk.GetByLabel("Van (uur)").FillAsync("14:30");
        await desk.GetByLabel("Tot (uur)").FillAsync("15:30");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Dit moment plannen" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Alert)).ToContainTextAsync("Jonas heeft dan al een bezoek: maandag 7 december van 14:00 tot 15:00. Kies een ander moment.");
        await Expect(desk.GetByLabel("Van (uur)")).ToHaveAttributeAsync("aria-invalid", "true");
        await CounterBrowser.AssertAccessibleAsync(desk);

        await desk.GetByRole(AriaRole.Link, new() { Name = "Vorige week" }).ClickAsync();
        await desk.GetByRole(AriaRole.Group, new() { Name = "dinsdag 1 december" }).GetByLabel("9:00 tot 11:00").CheckAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Bezoek plannen" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("Het huisbezoek is gepland: dinsdag 1 december van 9:00 tot 11:00.");
        await CounterBrowser.AssertAccessibleAsync(desk);
    }

    private static async Task ResolveAsDigibuddyAsync(IPage phone)
    {
        await phone.GotoAsync("/balie/hulpvragen");
        var mine = phone.GetByRole(AriaRole.Row).Filter(new() { HasText = "Roza" });
        await Expect(mine).ToContainTextAsync("dinsdag 1 december van 9:00 tot 11:00");
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Hulpvraag registreren" })).ToHaveCountAsync(0);
        await CounterBrowser.AssertAccessibleAsync(phone);
        await mine.GetByRole(AriaRole.Link, new() { Name = "itsme" }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Geven aan een digibuddy" })).ToHaveCountAsync(0);
        await CounterBrowser.AssertAccessibleAsync(phone);
        await phone.GetByRole(AriaRole.Button, new() { Name = "De vraag is opgelost" }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("De vraag is opgelost.");
        await CounterBrowser.AssertAccessibleAsync(phone);
        await phone.GotoAsync("/balie/hulpvragen");
        await Expect(phone.GetByRole(AriaRole.Row).Filter(new() { HasText = "Roza" })).ToHaveCountAsync(0);
    }
}
