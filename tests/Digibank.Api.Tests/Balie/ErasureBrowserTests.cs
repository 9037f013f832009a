using Digibank.Api.Courses;
using Digibank.Api.Participants;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Digibank.Api.Tests.Balie;

/// <summary>The coordinator erases a person on their request: found, shown what goes, confirmed, and gone from the search.</summary>
public sealed class ErasureBrowserTests : IAsyncLifetime
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
    public async Task A_person_erased_after_the_confirmation_is_gone_from_the_search_and_the_page_tells_only_counts()
    {
        int maria, fatima, activeSignUps;
        await using (var db = _api.CreateDbContext())
        {
            fatima = await db.Participants.Where(p => p.FirstName == "Fatima").Select(p => p.Id).SingleAsync();
            maria = await db.Participants.Where(p => p.FirstName == "Maria").Select(p => p.Id).SingleAsync();
            activeSignUps = await db.SignUps.CountAsync(s => s.ParticipantId == maria
                && (s.Status == SignUpStatus.Confirmed || s.Status == SignUpStatus.Waitlisted));
        }

        var coordinator = await CounterAccounts.CreateAsync(_api.Services, StaffRole.Coordinator);
        var desk = await _browser.SignedInAsync(coordinator);

        // Someone with a device on loan cannot be erased yet: the page says what to do first, and offers no button.
        await desk.GotoAsync($"/balie/wissen?persoon={fatima}");
        await Expect(desk.GetByText("Wissen kan nog niet.", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(desk.GetByRole(AriaRole.Button, new() { Name = "Gegevens wissen" })).ToHaveCountAsync(0);
        await CounterBrowser.AssertAccessibleAsync(desk);

        await desk.GotoAsync("/balie/wissen");
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "Gegevens wissen" })).ToBeVisibleAsync();
        await CounterBrowser.AssertAccessibleAsync(desk);

        // The phone number as the person says it finds the number as it is stored.
        await desk.GetByLabel("Naam, telefoonnummer of e-mailadres").FillAsync("0490/00.00.27");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        var found = desk.GetByRole(AriaRole.Row).Filter(new() { HasText = "Maria" });
        await Expect(found).ToContainTextAsync("0490000027");
        await CounterBrowser.AssertAccessibleAsync(desk);

        await found.GetByRole(AriaRole.Link, new() { Name = "Maria (Poperinge) kiezen" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "Wat wordt er gewist?" })).ToBeVisibleAsync();
        await Expect(desk.GetByText(activeSignUps == 1 ? "1 inschrijving die nog loopt" : $"{activeSignUps} inschrijvingen die nog lopen", new() { Exact = false })).ToBeVisibleAsync();
        await CounterBrowser.AssertAccessibleAsync(desk);

        // Without the word, nothing is erased.
        await desk.GetByLabel("Typ WISSEN om te bevestigen").FillAsync("ja");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Gegevens wissen" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Alert)).ToContainTextAsync("Typ het woord WISSEN");
        await Expect(desk.GetByLabel("Typ WISSEN om te bevestigen")).ToHaveAttributeAsync("aria-invalid", "true");
        await CounterBrowser.AssertAccessibleAsync(desk);
        await using (var db = _api.CreateDbContext())
        {
            Assert.Equal("Maria", (await db.Participants.SingleAsync(p => p.Id == maria)).FirstName);
        }

        await desk.GetByLabel("Typ WISSEN om te bevestigen").FillAsync("WISSEN");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Gegevens wissen" }).ClickAsync();
        var notice = desk.GetByRole(AriaRole.Status);
        await Expect(notice).ToContainTextAsync($"De gegevens zijn gewist. Geannuleerd: {(activeSignUps == 1 ? "1 inschrijving" : $"{activeSignUps} inschrijvingen")}");
        await Expect(notice).Not.ToContainTextAsync("Maria");
        Assert.DoesNotContain("Maria", desk.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("0490", desk.Url, StringComparison.Ordinal);
        await CounterBrowser.AssertAccessibleAsync(desk);

        foreach (var search in new[] { "Maria", "0490 00 00 27" })
        {
            await desk.GetByLabel("Naam, telefoonnummer of e-mailadres").FillAsync(search);
            await desk.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
            await Expect(desk.GetByText($"Niemand gevonden met “{search}”", new() { Exact = false })).ToBeVisibleAsync();
        }

        await CounterBrowser.AssertAccessibleAsync(desk);
        await using (var db = _api.CreateDbContext())
        {
            var erased = await db.Participants.SingleAsync(p => p.Id == maria);
            Assert.NotNull(erased.ErasedAt);
            Assert.Null(erased.FirstName ?? erased.Phone ?? erased.Email);
        }

        _browser.AssertNoProblems();
    }
}
