using System.Text.RegularExpressions;
using Digibank.Api.HelpPoints;
using Digibank.Api.Notifications;
using Digibank.Api.Staff;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Digibank.Api.Tests.Balie;

/// <summary>No N+1 at the counter: Vandaag and Sluitingen read as many SQL statements for a busy day as for a quiet one.</summary>
public sealed partial class CounterStatementCountTests(DigibankApiFactory api, ITestOutputHelper output) : IClassFixture<DigibankApiFactory>
{
    /// <summary>The account's check; today's sessions and their seats, devices to collect, loans due, the call list, help requests.</summary>
    private const int TodayStatements = 7;

    [Fact]
    public async Task Vandaag_reads_a_busy_day_in_as_many_statements_as_a_quiet_one()
    {
        var (pointId, http) = await SignedInStaffAsync("Bibliotheek Vleteren");
        await AddDayAsync(pointId, new CounterDayLoad(Loans: 1, Sessions: 1, SeatsPerSession: 1, CallTasks: 1, PickUps: 1, HelpRequests: 2));
        await http.GetStringAsync("/balie"); // warm-up: the help point directory, the model and plan caches

        var (quiet, quietPage) = await CountedAsync(http, "/balie");
        await AddDayAsync(pointId, new CounterDayLoad(Loans: 50, Sessions: 20, SeatsPerSession: 8, CallTasks: 30, PickUps: 10, HelpRequests: 20));
        var (busy, busyPage) = await CountedAsync(http, "/balie");
        int openCalls;
        await using (var db = api.CreateDbContext())
        {
            openCalls = await db.CallTasks.CountAsync(t => t.HelpPointId == pointId && t.Outcome != CallOutcome.Reached);
        }

        output.WriteLine($"Vandaag: {quiet} statements for a quiet day, {busy} for a busy one ({busyPage.Length} characters).");
        Assert.Equal(quiet, busy);
        Assert.Equal(TodayStatements, busy);
        // Every row of the busy day is on its page: everyone to call (the 30 and those the set-aside devices added), 20 more lessons.
        Assert.Equal(openCalls, Buttons().Matches(busyPage).Count);
        Assert.Equal(AttendanceButtons().Matches(quietPage).Count + 20, AttendanceButtons().Matches(busyPage).Count);
    }

    [Fact]
    public async Task Sluitingen_reads_many_closures_in_as_many_statements_as_one()
    {
        var (pointId, http) = await SignedInStaffAsync("Bibliotheek Heuvelland");
        await AddClosuresAsync(pointId, 1);
        await http.GetStringAsync("/balie/sluitingen");

        var (one, _) = await CountedAsync(http, "/balie/sluitingen");
        await AddClosuresAsync(pointId, 25);
        var (many, page) = await CountedAsync(http, "/balie/sluitingen");

        output.WriteLine($"Sluitingen: {one} statements for one closure, {many} for 26.");
        Assert.Equal(one, many);
        Assert.Equal(2, many); // the account's check and the closures
        Assert.Equal(26, Regex.Matches(page, ">Verwijderen</button>").Count);
    }

    private async Task<(int PointId, HttpClient Http)> SignedInStaffAsync(string helpPoint)
    {
        await using var db = api.CreateDbContext();
        var pointId = await db.HelpPoints.Where(h => h.Name == helpPoint).Select(h => h.Id).SingleAsync();
        var staff = await CounterAccounts.CreateAsync(api.Services, StaffRole.Staff, [pointId]);
        var http = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await CounterHttpSignIn.SignInAsync(http, staff.Email, staff.Password);
        return (pointId, http);
    }

    private async Task AddDayAsync(int pointId, CounterDayLoad load)
    {
        await using (var db = api.CreateDbContext())
        {
            await CounterDayRows.AddAsync(db, pointId, api.Clock.GetUtcNow().UtcDateTime, load);
        }

        // A device set aside tells its person, here on the call list: the page is counted once that is done.
        await api.UntilQuietAsync();
    }

    private async Task AddClosuresAsync(int pointId, int count)
    {
        await using var db = api.CreateDbContext();
        var now = api.Clock.GetUtcNow().UtcDateTime;
        db.Closures.AddRange(Enumerable.Range(0, count).Select(i => new Closure
        {
            HelpPointId = pointId, StartsAt = now.AddDays(10 + 3 * i), EndsAt = now.AddDays(11 + 3 * i), Reason = $"Sluiting {i}", CreatedAt = now,
        }));
        await db.SaveChangesAsync();
    }

    private async Task<(int Statements, string Page)> CountedAsync(HttpClient http, string path)
    {
        api.SqlStatements.Reset();
        var page = await http.GetStringAsync(path);
        return (api.SqlStatements.Count, page);
    }

    /// <summary>The call list's "Bereikt" buttons, one per task.</summary>
    [GeneratedRegex(">Bereikt</button>")]
    private static partial Regex Buttons();

    /// <summary>The save button of each lesson with people in it.</summary>
    [GeneratedRegex("name=\"Attendance.SessionId\"")]
    private static partial Regex AttendanceButtons();
}
