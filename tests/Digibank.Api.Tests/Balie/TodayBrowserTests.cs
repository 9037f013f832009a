using System.Net;
using System.Text.RegularExpressions;
using Digibank.Api.Courses;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Digibank.Api.Municipalities;
using Digibank.Api.Notifications;
using Digibank.Api.Participants;
using Digibank.Api.Regions;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Courses;
using Digibank.Api.Tests.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Digibank.Api.Tests.Balie;

/// <summary>
/// A staff member of the library of Poperinge opens Vandaag: ticks who came to this afternoon's lesson, rings the two
/// people on the call list (one reached, one not), and sees the overdue loan; a coordinator picks the help point.
/// </summary>
public sealed class TodayBrowserTests : IAsyncLifetime
{
    private const string Point = "Bibliotheek Poperinge";
    private const string Lesson = "Werken met de tablet";

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
    public async Task Staff_tick_who_came_ring_the_call_list_and_see_the_effect_at_once()
    {
        var pointId = await PointIdAsync();
        await LessonThisAfternoonWithAchielAndGodelieveAsync(pointId);
        var staff = await CounterAccounts.CreateAsync(_api.Services, StaffRole.Staff, [pointId], name: "Els");

        var desk = await _browser.SignedInAsync(staff);
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "Vandaag", Exact = true })).ToBeVisibleAsync();
        await Expect(desk.GetByText($"maandag 30 november 2026 · {Point}")).ToBeVisibleAsync();
        await Expect(desk.GetByText("Vandaag geen toestellen om af te halen.")).ToBeVisibleAsync();
        await Expect(desk.GetByText("Vandaag geen open hulpvragen.")).ToBeVisibleAsync();
        await Expect(desk.GetByText("Vandaag geen huisbezoeken.")).ToBeVisibleAsync();
        // The demo's laptop lent to Kevin 50 days ago, for 42 days.
        await Expect(desk.GetByRole(AriaRole.Row).Filter(new() { HasText = "DBP-LAP-0003" })).ToContainTextAsync("Kevin");
        await Expect(desk.GetByRole(AriaRole.Row).Filter(new() { HasText = "DBP-LAP-0003" })).ToContainTextAsync("dagen te laat");
        await CounterBrowser.AssertAccessibleAsync(desk);
        var stale = await _browser.SignedInAsync(staff);

        var lesson = desk.GetByRole(AriaRole.Region, new() { Name = $"14:00–16:00 · {Lesson}" });
        await lesson.GetByLabel("Achiel").CheckAsync();
        await lesson.GetByRole(AriaRole.Button, new() { Name = $"Aanwezigheid opslaan voor {Lesson}" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("De aanwezigheid is opgeslagen.");
        await Expect(lesson.GetByLabel("Achiel")).ToBeCheckedAsync();
        await Expect(lesson.GetByLabel("Godelieve (niet gekomen)")).Not.ToBeCheckedAsync();
        Assert.Equal(new List<(string?, SignUpStatus)> { ("Achiel", SignUpStatus.Attended), ("Godelieve", SignUpStatus.NoShow) }, await SeatsAsync());
        await CounterBrowser.AssertAccessibleAsync(desk);

        var achiel = desk.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Achiel" });
        await Expect(achiel.Locator(".script")).ToContainTextAsync("Achiel");
        await Expect(achiel).ToContainTextAsync("0470445566");
        await achiel.GetByRole(AriaRole.Button, new() { Name = "Bereikt: Achiel", Exact = true }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("de persoon is bereikt");
        await Expect(achiel).ToHaveCountAsync(0);

        var godelieve = desk.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Godelieve" });
        await Expect(godelieve).ToContainTextAsync("Geen telefoonnummer");
        await godelieve.GetByRole(AriaRole.Button, new() { Name = "Niet bereikt: Godelieve", Exact = true }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("De persoon blijft op de lijst");
        await Expect(godelieve).ToContainTextAsync("Niet bereikt");
        await Expect(godelieve).ToContainTextAsync("door Els");
        Assert.Equal(new List<(string?, CallOutcome)> { ("Achiel", CallOutcome.Reached), ("Godelieve", CallOutcome.NotReached) }, await CallsAsync());
        await CounterBrowser.AssertAccessibleAsync(desk);
        await desk.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "TestResults", "balie-vandaag.png"), FullPage = true });

        // A colleague's page from before the call: the service refuses a second "reached", and the page says why.
        await stale.GetByRole(AriaRole.Button, new() { Name = "Bereikt: Achiel", Exact = true }).ClickAsync();
        await Expect(stale.GetByRole(AriaRole.Alert)).ToContainTextAsync("Deze persoon is al bereikt.");
        await CounterBrowser.AssertAccessibleAsync(stale);

        var phone = await _browser.SignedInAsync(staff, CounterBrowser.Phone);
        await Expect(phone.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Godelieve" })).ToBeVisibleAsync();
        await CounterBrowser.AssertAccessibleAsync(phone);
        _browser.AssertNoProblems();
    }

    [ChromiumFact]
    public async Task A_coordinator_chooses_the_help_point_and_a_digibuddy_is_sent_to_the_help_requests()
    {
        var pointId = await PointIdAsync();
        await LessonThisAfternoonWithAchielAndGodelieveAsync(pointId);
        var coordinator = await CounterAccounts.CreateAsync(_api.Services, StaffRole.Coordinator);

        var desk = await _browser.SignedInAsync(coordinator);
        await desk.GetByLabel("Hulppunt").SelectOptionAsync(new SelectOptionValue { Label = Point });
        await desk.GetByRole(AriaRole.Button, new() { Name = "Toon dit hulppunt" }).ClickAsync();
        await Expect(desk).ToHaveURLAsync(new Regex($"/balie\\?hulppunt={pointId}$"));
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = $"14:00–16:00 · {Lesson}" })).ToBeVisibleAsync();
        await CounterBrowser.AssertAccessibleAsync(desk);

        // A digibuddy works from the requests given to them: Vandaag sends them there.
        var digibuddy = await CounterAccounts.CreateAsync(_api.Services, StaffRole.Digibuddy, digibuddyId: await DigibuddyIdAsync());
        using var buddy = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() }) { BaseAddress = _api.BaseAddress };
        await CounterHttpSignIn.SignInAsync(buddy, digibuddy.Email, digibuddy.Password);
        using var today = await buddy.GetAsync("/balie");
        Assert.Equal((HttpStatusCode.Redirect, "/balie/hulpvragen"), (today.StatusCode, new Uri(_api.BaseAddress, today.Headers.Location!).AbsolutePath));
        _browser.AssertNoProblems();
    }

    private async Task<int> PointIdAsync()
    {
        await using var db = _api.CreateDbContext();
        return await db.HelpPoints.Where(h => h.Name == Point).Select(h => h.Id).SingleAsync();
    }

    private async Task<int> DigibuddyIdAsync()
    {
        await using var db = _api.CreateDbContext();
        return await db.Set<Digibank.Api.HelpRequests.Digibuddy>().Where(d => d.FirstName == "Marc").Select(d => d.Id).SingleAsync();
    }

    /// <summary>
    /// A course of the library whose session staff moved to 14:00 today (GraphQL <c>changeCourseSession</c>), then two
    /// people signed up at the counter: Achiel with a phone number, Godelieve with none. Neither gets an e-mail, so both
    /// land on the help point's call list.
    /// </summary>
    private async Task LessonThisAfternoonWithAchielAndGodelieveAsync(int pointId)
    {
        var course = await TestCourses.AddAsync(_api, capacity: 6, helpPoint: Point, title: Lesson);
        var token = _api.Services.GetRequiredService<StaffTokens>().Mint("test:bib", "Els", StaffRole.Staff, Region.FirstRegionId, [pointId]);
        var counter = _api.CreateLoopbackGraphQLClient();
        counter.Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        int sessionId;
        await using (var db = _api.CreateDbContext())
        {
            var courseId = GlobalId.DecodeFor(CourseType.TypeName, course);
            sessionId = await db.CourseSessions.Where(s => s.CourseId == courseId).Select(s => s.Id).SingleAsync();
        }

        var today = RegionTime.DateOf(_api.Clock.GetUtcNow().UtcDateTime);
        var moved = await counter.QueryAsync(
            "mutation ($input: ChangeCourseSessionInput!) { changeCourseSession(input: $input) { errors { ... on Error { code } } } }",
            new
            {
                input = new
                {
                    sessionId = GlobalId.Encode(CourseSessionType.TypeName, sessionId),
                    startsAt = RegionTime.ToUtc(today.ToDateTime(new TimeOnly(14, 0))),
                    endsAt = RegionTime.ToUtc(today.ToDateTime(new TimeOnly(16, 0))),
                },
            });
        Assert.Empty(moved["changeCourseSession"]!["errors"]!.AsArray());
        // The move is told to whoever holds a seat when its event is handled: the seats come after it, so that no one is told of it.
        await _api.UntilQuietAsync();
        var town = await TestCourses.MunicipalityIdAsync(_api);
        foreach (var (firstName, phone) in new[] { ("Achiel", "0470 44 55 66"), ("Godelieve", (string?)null) })
        {
            var signedUp = await counter.QueryAsync(
                "mutation ($input: SignUpForCourseInput!) { signUpForCourse(input: $input) { errors { ... on Error { code } } } }",
                new { input = new { courseId = course, firstName, phone, municipalityId = town, targetGroup = "SENIORS", consent = true } });
            Assert.Empty(signedUp["signUpForCourse"]!["errors"]!.AsArray());
        }

        await _api.UntilQuietAsync();
    }

    private async Task<List<(string?, SignUpStatus)>> SeatsAsync()
    {
        await using var db = _api.CreateDbContext();
        return [.. (await db.SignUps.Where(s => s.Course!.Title == Lesson).Select(s => new { s.Participant!.FirstName, s.Status }).ToListAsync())
            .Select(s => (s.FirstName, s.Status)).OrderBy(s => s.FirstName)];
    }

    private async Task<List<(string?, CallOutcome)>> CallsAsync()
    {
        await using var db = _api.CreateDbContext();
        return [.. (await db.CallTasks.Join(db.Participants, t => t.ParticipantId, p => p.Id, (t, p) => new { p.FirstName, t.Outcome })
                .Where(t => t.FirstName == "Achiel" || t.FirstName == "Godelieve").ToListAsync())
            .Select(t => (t.FirstName, t.Outcome)).OrderBy(t => t.FirstName)];
    }
}
