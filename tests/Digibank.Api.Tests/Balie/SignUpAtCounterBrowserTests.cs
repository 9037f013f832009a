using Digibank.Api.Courses;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Dashboard;
using Digibank.Api.Tests.Devices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Digibank.Api.Tests.Balie;

/// <summary>
/// Someone without e-mail or phone registered at the library's counter, signed up for a course there, seen with their
/// seat on their page, signed off again, and put in the queue for a tablet.
/// </summary>
public sealed class SignUpAtCounterBrowserTests : IAsyncLifetime
{
    private const string Course = "Gimme voor ouders";

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
    public async Task A_person_without_e_mail_registered_at_the_counter_is_signed_up_for_a_course_and_sees_the_seat_on_their_page()
    {
        var staff = await CounterAccounts.CreateAsync(_api.Services, StaffRole.Staff, [await _api.HelpPointIdAsync(LendingTestData.Library)]);
        var desk = await _browser.SignedInAsync(staff);
        await desk.GotoAsync("/balie/personen/nieuw");
        await desk.GetByLabel("Voornaam").FillAsync("Georgette");
        await desk.GetByLabel("Gemeente").SelectOptionAsync(new SelectOptionValue { Label = "Poperinge" });
        await desk.GetByLabel("De persoon is akkoord").CheckAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Registreren" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("Georgette is geregistreerd.");
        await Expect(desk.GetByRole(AriaRole.Main)).ToContainTextAsync("geen e-mail of telefoon");
        await CounterBrowser.AssertAccessibleAsync(desk);

        await desk.GetByRole(AriaRole.Link, new() { Name = "Inschrijven voor een cursus" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "Inschrijven voor een cursus" })).ToBeVisibleAsync();
        await desk.GetByLabel("Zoek in de titel van de cursus").FillAsync("gimme");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Cursus zoeken" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("1 cursus gevonden.");
        await CounterBrowser.AssertAccessibleAsync(desk);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Inschrijven", Exact = true }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Alert)).ToContainTextAsync("Kies de cursus.");
        await CounterBrowser.AssertAccessibleAsync(desk);
        await desk.GetByLabel(Course, new() { Exact = false }).CheckAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Inschrijven", Exact = true }).ClickAsync();

        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("Georgette is ingeschreven en heeft een plaats.");
        await Expect(desk.GetByRole(AriaRole.Row).Filter(new() { HasText = Course })).ToContainTextAsync("heeft een plaats");
        await CounterBrowser.AssertAccessibleAsync(desk);
        await using (var db = _api.CreateDbContext())
        {
            var signUp = await db.SignUps.Include(s => s.Participant).SingleAsync(s => s.Course!.Title == Course && s.Participant!.FirstName == "Georgette");
            Assert.Equal((SignUpStatus.Confirmed, SignUpChannel.Counter), (signUp.Status, signUp.Channel));
            Assert.Equal((null, null), (signUp.Participant!.Email, signUp.Participant.Phone));
        }

        await desk.GetByRole(AriaRole.Link, new() { Name = $"Uitschrijven voor {Course}" }).ClickAsync();
        await CounterBrowser.AssertAccessibleAsync(desk);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Ja, uitschrijven" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("Georgette is uitgeschreven.");
        await Expect(desk.GetByRole(AriaRole.Row).Filter(new() { HasText = Course })).ToContainTextAsync("uitgeschreven");

        await desk.GetByRole(AriaRole.Button, new() { Name = "Reserveren" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Alert)).ToContainTextAsync("Kies welk soort toestel");
        await CounterBrowser.AssertAccessibleAsync(desk);
        await desk.GetByLabel("Welk toestel?").SelectOptionAsync(new SelectOptionValue { Label = "tablet" });
        await desk.GetByRole(AriaRole.Button, new() { Name = "Reserveren" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("Georgette staat in de wachtrij voor een toestel.");
        await Expect(desk.GetByRole(AriaRole.Main)).ToContainTextAsync($"tablet in {LendingTestData.Library}: wacht (plaats 1 in de wachtrij)");
        await CounterBrowser.AssertAccessibleAsync(desk);
        _browser.AssertNoProblems();
    }
}
