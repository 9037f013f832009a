using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.Notifications;
using Digibank.Api.Participants;
using Digibank.Api.Partners;
using Digibank.Api.Regions;
using Digibank.Api.Staff;
using Digibank.Api.Sync;
using Digibank.Api.Tests.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Digibank.Api.Tests.Balie;

/// <summary>The coordinator's follow-up: a partner's withdrawal held back is confirmed, and a message that did not arrive says whom to call.</summary>
public sealed class FollowUpBrowserTests : IAsyncLifetime
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
    public async Task A_held_partner_withdrawal_is_confirmed_at_the_counter_and_a_failed_message_says_whom_to_call()
    {
        var (partnerId, courseIds) = await HoldEveryCourseOfAsync("bib-vleteren");
        await FailedMailToAsync("Fatima");

        var coordinator = await CounterAccounts.CreateAsync(_api.Services, StaffRole.Coordinator);
        var desk = await _browser.SignedInAsync(coordinator);
        await desk.GotoAsync("/balie/opvolging");
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "Opvolging" })).ToBeVisibleAsync();
        var held = desk.GetByRole(AriaRole.Row).Filter(new() { HasText = "Bibliotheek Vleteren" });
        await Expect(held).ToContainTextAsync(courseIds.Count == 1 ? "de enige cursus" : $"alle {courseIds.Count} cursussen");
        await Expect(desk.GetByRole(AriaRole.Row).Filter(new() { HasText = "Fatima" })).ToContainTextAsync("Vraag Fatima om een ander e-mailadres");
        await CounterBrowser.AssertAccessibleAsync(desk);

        await held.GetByRole(AriaRole.Link, new() { Name = "Bevestigen voor Bibliotheek Vleteren…" }).ClickAsync();
        await Expect(desk.GetByText($"Weet u het zeker? {Courses(courseIds.Count)} van Bibliotheek Vleteren {(courseIds.Count == 1 ? "verdwijnt" : "verdwijnen")} uit het aanbod.")).ToBeVisibleAsync();
        await CounterBrowser.AssertAccessibleAsync(desk);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Ja, laat ze verdwijnen" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync($"Bevestigd: {Courses(courseIds.Count)} {(courseIds.Count == 1 ? "is" : "zijn")} uit het aanbod verdwenen.");
        await Expect(desk.GetByRole(AriaRole.Row).Filter(new() { HasText = "Bibliotheek Vleteren" })).ToHaveCountAsync(0);
        await CounterBrowser.AssertAccessibleAsync(desk);

        // The coordinator sees the open help requests of the whole region, or of the help point they choose.
        await desk.GotoAsync("/balie/hulpvragen");
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "Open hulpvragen van de regio" })).ToBeVisibleAsync();
        await CounterBrowser.AssertAccessibleAsync(desk);
        await desk.GetByLabel("Hulppunt", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Stadhuis Mesen" });
        await desk.GetByRole(AriaRole.Button, new() { Name = "Toon de hulpvragen" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "Open hulpvragen van Stadhuis Mesen" })).ToBeVisibleAsync();
        await Expect(desk.GetByRole(AriaRole.Link, new() { Name = "Mijn burgerprofiel", Exact = false })).ToHaveCountAsync(1);

        await using (var db = _api.CreateDbContext())
        {
            Assert.All(await db.Courses.Where(c => courseIds.Contains(c.Id)).Select(c => c.Status).ToListAsync(), status => Assert.Equal(CourseStatus.Withdrawn, status));
            Assert.False(await db.WithdrawalHolds.AnyAsync(h => h.PartnerId == partnerId));
        }

        _browser.AssertNoProblems();
    }

    private static string Courses(int count) => count == 1 ? "1 cursus" : $"{count} cursussen";

    /// <summary>Holds the withdrawal of every active course of the partner in the demo region, as an empty snapshot of theirs would.</summary>
    private async Task<(int PartnerId, List<int> CourseIds)> HoldEveryCourseOfAsync(string partnerCode)
    {
        await using var work = await StoreWork.BeginAsync(_api.Services, CancellationToken.None);
        var partnerId = await work.Db.Partners.Where(p => p.Code == partnerCode).Select(p => p.Id).SingleAsync();
        var courseIds = await work.Db.Courses.Where(c => c.PartnerId == partnerId && c.RegionId == Region.FirstRegionId && c.Status != CourseStatus.Withdrawn)
            .Select(c => c.Id).ToListAsync();
        Assert.NotEmpty(courseIds);
        await new WithdrawalHolds(work.Db, partnerId, _api.Clock.GetUtcNow().UtcDateTime)
            .HoldAsync(Region.FirstRegionId, courseIds, courseIds.Count, "The snapshot lists no offer.", [], CancellationToken.None);
        await work.CommitAsync(CancellationToken.None);
        return (partnerId, courseIds);
    }

    /// <summary>An e-mail to the person that the mail server refused after its last try.</summary>
    private async Task FailedMailToAsync(string firstName)
    {
        await using var db = _api.CreateDbContext();
        var person = await db.Participants.SingleAsync(p => p.FirstName == firstName);
        var now = _api.Clock.GetUtcNow().UtcDateTime;
        db.Notifications.Add(new Notification
        {
            RegionId = person.RegionId,
            ParticipantId = person.Id,
            Occasion = "failed in a test",
            Reason = NotificationReason.SignUpConfirmed,
            Channel = NotificationChannel.Email,
            Status = NotificationStatus.Failed,
            Recipient = person.Email,
            Subject = "Je inschrijving",
            Attempts = 5,
            LastError = "550 mailbox unavailable",
            CreatedAt = now,
            NextAttemptAt = now,
        });
        await db.SaveChangesAsync();
    }
}
