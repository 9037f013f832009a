using Digibank.Api.Courses;
using Digibank.Api.Devices;
using Digibank.Api.HelpRequests;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;
using static Digibank.Api.Tests.Dashboard.ReachTestData;

namespace Digibank.Api.Tests.Dashboard;

/// <summary>Unmet demand is counted as it stands now, so these tests ask about a town of their own, made in their own database.</summary>
public sealed class UnmetDemandTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private const string UnmetDemand = """
        query ($municipalityId: ID) {
          reachStatistics(from: "2026-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z", municipalityId: $municipalityId) {
            unmetDemand { waitingListPlaces peopleWaitingForDevice unansweredHelpRequests unansweredOlderThanAWeek suppressed }
          }
        }
        """;

    private readonly GraphQLTestClient _staff = api.CreateStaffClient(StaffRole.Staff, "Bibliotheek Poperinge");

    [Fact]
    public async Task Waiting_lists_device_queues_and_open_help_requests_are_counted_as_they_stand_now()
    {
        var now = DigibankApiFactory.Now.UtcDateTime;
        int town;
        List<int> recentlyOpened = [];
        await using (var data = await OpenAsync(api))
        {
            var testdorp = data.AddMunicipality("Testdorp");
            await data.SaveAsync();
            town = testdorp.Id;

            var upcoming = data.Course(now.AddDays(10), CourseStatus.Full);
            var started = data.Course(now.AddDays(-1), CourseStatus.Full);
            var cancelled = data.Course(now.AddDays(10), CourseStatus.Cancelled);
            for (var index = 0; index < 6; index++)
            {
                data.SignUp(data.Person(town), upcoming, now.AddDays(-3), SignUpStatus.Waitlisted);
            }

            data.SignUp(data.Person(town), upcoming, now.AddDays(-3), SignUpStatus.Confirmed);
            data.SignUp(data.Person(town), started, now.AddDays(-3), SignUpStatus.Waitlisted);
            data.SignUp(data.Person(town), cancelled, now.AddDays(-3), SignUpStatus.Waitlisted);

            var waiting = Enumerable.Range(0, 5).Select(_ => data.Person(town)).ToList();
            foreach (var person in waiting)
            {
                data.Reservation(person, DeviceKind.Laptop);
            }

            data.Reservation(waiting[0], DeviceKind.Tablet);
            data.Reservation(data.Person(town), DeviceKind.Laptop, ReservationStatus.Ready);

            for (var index = 0; index < 6; index++)
            {
                data.HelpRequest(data.Person(town), now.AddDays(-8 - index), status: HelpRequestStatus.Open);
            }

            var recent = Enumerable.Range(0, 5)
                .Select(index => data.HelpRequest(data.Person(town), now.AddDays(-index), status: HelpRequestStatus.Open))
                .ToList();
            data.HelpRequest(data.Person(town), now.AddDays(-20), status: HelpRequestStatus.Resolved);
            data.HelpRequest(data.Person(town), now.AddDays(-20), status: HelpRequestStatus.Assigned);
            await data.SaveAsync();
            recentlyOpened = [.. recent.Select(request => request.Id)];
        }

        var demand = await UnmetDemandAsync(town);

        Assert.Equal(6, (int?)demand["waitingListPlaces"]);
        Assert.Equal(5, (int?)demand["peopleWaitingForDevice"]);
        Assert.Equal(11, (int?)demand["unansweredHelpRequests"]);
        Assert.Equal(6, (int?)demand["unansweredOlderThanAWeek"]);
        Assert.False((bool)demand["suppressed"]!);

        // With only 3 recent ones left, showing 9 open and 6 older would give away the 3.
        await using (var db = api.CreateDbContext())
        {
            await db.HelpRequests.Where(h => recentlyOpened.Take(2).Contains(h.Id))
                .ExecuteUpdateAsync(set => set.SetProperty(h => h.Status, HelpRequestStatus.Resolved));
        }

        var afterTwoAnswered = await UnmetDemandAsync(town);

        Assert.Equal(9, (int?)afterTwoAnswered["unansweredHelpRequests"]);
        Assert.Null(afterTwoAnswered["unansweredOlderThanAWeek"]);
        Assert.True((bool)afterTwoAnswered["suppressed"]!);
    }

    [Fact]
    public async Task Small_unmet_demand_is_hidden()
    {
        int town;
        await using (var data = await OpenAsync(api))
        {
            var hamlet = data.AddMunicipality("Testgehucht");
            await data.SaveAsync();
            town = hamlet.Id;
            data.Reservation(data.Person(town), DeviceKind.Smartphone);
            data.HelpRequest(data.Person(town), DigibankApiFactory.Now.UtcDateTime.AddDays(-10), status: HelpRequestStatus.Open);
            await data.SaveAsync();
        }

        var demand = await UnmetDemandAsync(town);

        Assert.Null(demand["waitingListPlaces"]);
        Assert.Null(demand["peopleWaitingForDevice"]);
        Assert.Null(demand["unansweredHelpRequests"]);
        Assert.Null(demand["unansweredOlderThanAWeek"]);
        Assert.True((bool)demand["suppressed"]!);
    }

    private async Task<System.Text.Json.Nodes.JsonNode> UnmetDemandAsync(int municipalityId) =>
        (await _staff.QueryAsync(UnmetDemand, new { municipalityId = GlobalMunicipalityId(municipalityId) }))["reachStatistics"]!["unmetDemand"]!;
}
