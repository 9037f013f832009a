using Digibank.Api.HelpRequests;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;
using Snapshooter.Xunit;

namespace Digibank.Api.Tests.HelpRequests;

public sealed class ScheduleHomeVisitTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private static readonly DateTime Tomorrow = DigibankApiFactory.Now.UtcDateTime.Date.AddDays(1);

    private readonly GraphQLTestClient _mobileTeam = api.CreateStaffClient(StaffRole.Staff, "Mobiele digiploeg");

    [Fact]
    public async Task The_mobile_team_schedules_an_assigned_home_visit()
    {
        var request = await HomeVisitAssignedToAsync("Jonas");

        var payload = await ScheduleAsync(request, Tomorrow.AddHours(9), Tomorrow.AddHours(10.5));

        Assert.Empty(payload.ErrorCodes());
        Assert.Equal("SCHEDULED", (string)payload["helpRequest"]!["status"]!);
        Assert.Equal(Tomorrow.AddHours(9), (DateTime)payload["helpRequest"]!["visit"]!["startsAt"]!);
        Assert.Equal(Tomorrow.AddHours(10.5), (DateTime)payload["helpRequest"]!["visit"]!["endsAt"]!);
    }

    [Fact]
    public async Task A_visit_overlapping_another_of_the_same_digibuddy_is_refused_but_one_right_after_it_is_not()
    {
        var day = Tomorrow.AddDays(2);
        var first = await HomeVisitAssignedToAsync("Lieve");
        var second = await HomeVisitAssignedToAsync("Lieve");
        var otherBuddy = await HomeVisitAssignedToAsync("Marc");
        Assert.Empty((await ScheduleAsync(first, day.AddHours(9), day.AddHours(11))).ErrorCodes());

        var overlapping = await ScheduleAsync(second, day.AddHours(10), day.AddHours(12));
        var rightAfter = await ScheduleAsync(second, day.AddHours(11), day.AddHours(12));
        var sameTimeOtherBuddy = await ScheduleAsync(otherBuddy, day.AddHours(9), day.AddHours(11));

        Assert.Equal(["SLOT_TAKEN"], overlapping.ErrorCodes());
        Assert.Empty(rightAfter.ErrorCodes());
        Assert.Empty(sameTimeOtherBuddy.ErrorCodes());
    }

    [Fact]
    public async Task A_slot_taken_error_says_which_visit_is_in_the_way()
    {
        var day = Tomorrow.AddDays(3);
        var first = await HomeVisitAssignedToAsync("Lieve");
        var second = await HomeVisitAssignedToAsync("Lieve");
        await ScheduleAsync(first, day.AddHours(13), day.AddHours(14));

        var data = await _mobileTeam.QueryAsync("""
            mutation ($input: ScheduleHomeVisitInput!) {
              scheduleHomeVisit(input: $input) {
                helpRequest { status }
                errors { __typename ... on Error { code message } ... on SlotTakenError { takenFrom takenUntil } }
              }
            }
            """, new { input = new { helpRequestId = second, startsAt = day.AddHours(13.5), endsAt = day.AddHours(15) } });

        Snapshot.Match(data.ToJsonString(new() { WriteIndented = true }));
    }

    [Fact]
    public async Task Only_home_visits_get_a_slot()
    {
        var request = await _mobileTeam.RegisterAsync(api.Question("eid", "Poperinge", "Mobiele digiploeg") with { Channel = "PHONE" });
        await _mobileTeam.AssignAsync(request, assignToMe: true);

        var payload = await ScheduleAsync(request, Tomorrow.AddHours(9), Tomorrow.AddHours(10));

        Assert.Equal(["NOT_A_HOME_VISIT"], payload.ErrorCodes());
    }

    [Fact]
    public async Task An_open_home_visit_is_assigned_before_it_is_scheduled()
    {
        var request = await _mobileTeam.RegisterAsync(api.Question("eid", "Poperinge") with { Channel = "HOME_VISIT" });

        var payload = await ScheduleAsync(request, Tomorrow.AddHours(9), Tomorrow.AddHours(10));

        Assert.Equal(["INVALID_STATUS_CHANGE"], payload.ErrorCodes());
    }

    [Theory]
    [InlineData(-2, 1, "startsAt")]
    [InlineData(24 * 400, 1, "startsAt")]
    [InlineData(30, -1, "endsAt")]
    [InlineData(30, 0, "endsAt")]
    [InlineData(30, 4.5, "endsAt")]
    public async Task Slots_in_the_past_too_far_ahead_backwards_or_longer_than_four_hours_are_refused(double startsInHours, double lastsHours, string field)
    {
        var request = await HomeVisitAssignedToAsync("Jonas");
        var startsAt = DigibankApiFactory.Now.UtcDateTime.AddHours(startsInHours);

        var payload = await ScheduleAsync(request, startsAt, startsAt.AddHours(lastsHours));

        Assert.Contains(field, payload["errors"]!.AsArray().Select(error => (string?)error!["field"]));
        Assert.All(payload.ErrorCodes(), code => Assert.Equal("INVALID_INPUT", code));
        Assert.Equal(HelpRequestStatus.Assigned, await api.StatusOfAsync(request));
    }

    [Fact]
    public async Task A_slot_with_an_offset_is_stored_in_UTC()
    {
        var request = await HomeVisitAssignedToAsync("Jonas");

        var payload = await _mobileTeam.MutateAsync("scheduleHomeVisit",
            new { helpRequestId = request, startsAt = "2026-12-10T14:00:00+01:00", endsAt = "2026-12-10T15:00:00+01:00" });

        Assert.Empty(payload.ErrorCodes());
        await using var db = api.CreateDbContext();
        var stored = await db.HelpRequests.SingleAsync(h => h.Id == HelpRequestTestKit.RowId(request));
        Assert.Equal(new DateTime(2026, 12, 10, 13, 0, 0, DateTimeKind.Utc), stored.VisitStartsAt);
    }

    [Fact]
    public async Task Anonymous_callers_and_staff_of_another_point_cannot_schedule()
    {
        var request = await HomeVisitAssignedToAsync("Jonas");
        var slot = new { helpRequestId = request, startsAt = Tomorrow.AddHours(15), endsAt = Tomorrow.AddHours(16) };

        var anonymous = await api.CreateGraphQLClient().PostMutationAsync("scheduleHomeVisit", slot, "status");
        var otherPoint = await api.CreateStaffClient(StaffRole.Staff, "Bibliotheek Poperinge").MutateAsync("scheduleHomeVisit", slot);

        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], anonymous.ErrorCodes);
        Assert.Equal(["NOT_ALLOWED"], otherPoint.ErrorCodes());
        Assert.Equal(HelpRequestStatus.Assigned, await api.StatusOfAsync(request));
    }

    private Task<System.Text.Json.Nodes.JsonNode> ScheduleAsync(string helpRequestId, DateTime startsAt, DateTime endsAt) =>
        _mobileTeam.MutateAsync("scheduleHomeVisit", new { helpRequestId, startsAt, endsAt });

    private async Task<string> HomeVisitAssignedToAsync(string digibuddy)
    {
        await using var db = api.CreateDbContext();
        var skill = await db.Digibuddies.Where(d => d.FirstName == digibuddy).SelectMany(d => d.Skills).Select(t => t.Code).FirstAsync();
        var request = await _mobileTeam.RegisterAsync(api.Question(skill, "Poperinge") with { Channel = "HOME_VISIT", Email = null });
        Assert.Empty((await _mobileTeam.AssignAsync(request, api.DigibuddyId(digibuddy))).ErrorCodes());
        return request;
    }
}
