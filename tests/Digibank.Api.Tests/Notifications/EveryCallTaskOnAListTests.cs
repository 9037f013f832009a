using Digibank.Api.Courses;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Digibank.Api.Notifications;
using Digibank.Api.Regions;
using Digibank.Api.Staff;
using Digibank.Api.Sync;
using Digibank.Api.Tests.Courses;
using Digibank.Api.Tests.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Api.Tests.Notifications;

/// <summary>
/// People who can only be phoned are never lost: every call task is on the list of the help point that organises what it
/// is about, or else on the coordinator's own list.
/// </summary>
public sealed class EveryCallTaskOnAListTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private const string CallList = "query ($point: ID) { callList(helpPointId: $point) { id reason participant { firstName } } }";

    [Fact]
    public async Task A_phone_only_sign_up_for_a_course_at_another_venue_is_on_the_coordinators_list_and_every_call_task_is_on_some_list()
    {
        var venueCourse = await VenueCourseAsync();
        var pointCourse = await TestCourses.AddAsync(api, capacity: 5, helpPoint: "Buurtsalon Krombeke");
        await api.SignUpAsync(venueCourse, "Godelieve", phone: "0470 11 22 33");
        await api.SignUpAsync(pointCourse, "Achiel", phone: "0470 44 55 66");
        await using (var db = api.CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await OfferWriter.WithdrawCoursesAsync(db, [GlobalId.DecodeFor(CourseType.TypeName, venueCourse)], api.Clock.GetUtcNow().UtcDateTime, CancellationToken.None);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        // The demo borrowers without an e-mail address are reminded on the phone too.
        await api.Services.GetRequiredService<Reminders>().RunAsync(CancellationToken.None);
        await UntilAsync(async () =>
        {
            await using var db = api.CreateDbContext();
            return await db.CallTasks.CountAsync(t => t.Reason == NotificationReason.CourseWithdrawn) >= 1;
        });

        var coordinator = api.CreateStaffClient(StaffRole.Coordinator);
        var own = (await coordinator.QueryAsync(CallList))["callList"]!.AsArray();
        Assert.Contains(own, task => (string?)task!["reason"] == "SIGN_UP_CONFIRMED" && (string?)task["participant"]!["firstName"] == "Godelieve");
        Assert.Contains(own, task => (string?)task!["reason"] == "COURSE_WITHDRAWN" && (string?)task["participant"]!["firstName"] == "Godelieve");

        List<int> pointIds, open;
        await using (var db = api.CreateDbContext())
        {
            pointIds = await db.HelpPoints.Select(h => h.Id).ToListAsync();
            open = await db.CallTasks.Where(t => t.Outcome != CallOutcome.Reached).Select(t => t.Id).ToListAsync();
        }

        var listed = own.Select(task => (string)task!["id"]!).ToList();
        foreach (var point in pointIds)
        {
            listed.AddRange((await coordinator.QueryAsync(CallList, new { point = GlobalId.Encode(HelpPointType.TypeName, point) }))["callList"]!.AsArray()
                .Select(task => (string)task!["id"]!));
        }

        Assert.Equal(open.Select(id => GlobalId.Encode(CallTaskType.TypeName, id)).Order(), listed.Order());
        Assert.NotEmpty(open);
    }

    [Fact]
    public async Task Only_the_coordinator_sees_their_own_list_and_they_see_it_arrive_live()
    {
        var venueCourse = await VenueCourseAsync();
        var tokens = api.Services.GetRequiredService<StaffTokens>();
        await using var coordinator = await GraphQLWebSocketClient.ConnectAndInitAsync(api, tokens.Mint("c", "Griet", StaffRole.Coordinator, Region.FirstRegionId, []));
        await using var staff = await GraphQLWebSocketClient.ConnectAndInitAsync(api, tokens.Mint("s", "Els", StaffRole.Staff, Region.FirstRegionId, [1]));
        const string Added = "subscription { callTaskAdded { reason participant { firstName } } }";
        await coordinator.SubscribeAsync("c", Added);
        await staff.SendAsync(new { id = "s", type = "subscribe", payload = new { query = Added } });
        var refused = await staff.ReceiveAsync();

        await api.SignUpAsync(venueCourse, "Maurice", phone: "0470 77 88 99");

        var task = (await coordinator.NextAsync("c"))["payload"]!["data"]!["callTaskAdded"]!;
        Assert.Equal(("SIGN_UP_CONFIRMED", "Maurice"), ((string?)task["reason"], (string?)task["participant"]!["firstName"]));
        Assert.Equal(("error", "AUTH_NOT_AUTHORIZED"), ((string?)refused!["type"], (string?)refused["payload"]![0]!["extensions"]!["code"]));
        var staffList = await api.CreateStaffClient(StaffRole.Staff, "Bibliotheek Poperinge").PostAsync(CallList);
        Assert.Contains("AUTH_NOT_AUTHORIZED", staffList.ErrorCodes);
    }

    /// <summary>A course in a hall that is not a help point, as several partners' courses are (the Digicafé in Watou).</summary>
    private async Task<string> VenueCourseAsync()
    {
        var course = await TestCourses.AddAsync(api, capacity: 10);
        await using var db = api.CreateDbContext();
        var id = GlobalId.DecodeFor(CourseType.TypeName, course);
        await db.Courses.Where(c => c.Id == id).ExecuteUpdateAsync(set => set
            .SetProperty(c => c.HelpPointId, (int?)null)
            .SetProperty(c => c.VenueName, "Zaal Sint-Bernardus")
            .SetProperty(c => c.VenueStreet, "Watouplein 1"));
        return course;
    }

    private static async Task UntilAsync(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, "The call tasks were not written in time.");
            await Task.Delay(50);
        }
    }
}
