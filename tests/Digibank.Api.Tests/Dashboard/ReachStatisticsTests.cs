using System.Text.Json.Nodes;
using Digibank.Api.Courses;
using Digibank.Api.HelpRequests;
using Digibank.Api.Staff;
using Snapshooter.Xunit;
using static Digibank.Api.Tests.Dashboard.ReachTestData;

namespace Digibank.Api.Tests.Dashboard;

/// <summary>
/// The tests share one database, so each writes its people into a year of its own (before the demo region's 2026)
/// and asks only about that year.
/// </summary>
public sealed class ReachStatisticsTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    public const string Counts = "peopleReached signUps attended noShows loans helpRequests homeVisits suppressed";

    public const string Reach = $$"""
        query ($from: DateTime!, $to: DateTime!, $municipalityId: ID) {
          reachStatistics(from: $from, to: $to, municipalityId: $municipalityId) {
            from to municipality { name }
            {{Counts}}
            byMunicipality { municipality { name } {{Counts}} }
            byTargetGroup { targetGroup {{Counts}} }
            byMonth { month {{Counts}} }
          }
        }
        """;

    private readonly GraphQLTestClient _coordinator = api.CreateStaffClient(StaffRole.Coordinator);

    [Fact]
    public async Task A_person_is_counted_once_across_sign_ups_loans_and_help_requests()
    {
        await using (var data = await OpenAsync(api))
        {
            var course = data.Course(Utc(2025, 1, 20));
            foreach (var person in data.People(5, "Mesen"))
            {
                data.SignUp(person, course, Utc(2025, 1, 6), SignUpStatus.Attended);
                data.Loan(person, Utc(2025, 1, 8));
                data.HelpRequest(person, Utc(2025, 1, 10), HelpRequestChannel.HomeVisit);
            }

            var twice = data.Person("Mesen");
            data.SignUp(twice, course, Utc(2025, 1, 7), SignUpStatus.NoShow);
            data.SignUp(twice, data.Course(Utc(2025, 1, 27)), Utc(2025, 1, 9));
            await data.SaveAsync();
        }

        var reach = await ReachAsync(Utc(2025, 1, 1), Utc(2025, 2, 1));

        Assert.Equal(6, (int?)reach["peopleReached"]);
        Assert.Equal(7, (int?)reach["signUps"]);
        Assert.Equal(5, (int?)reach["attended"]);
        Assert.Equal(5, (int?)reach["loans"]);
        Assert.Equal(5, (int?)reach["helpRequests"]);
        Assert.Equal(5, (int?)reach["homeVisits"]);
        Assert.Null(reach["noShows"]);
        Assert.True((bool)reach["suppressed"]!);
        var mesen = Row(reach, "byMunicipality", "municipality", "Mesen");
        Assert.Equal(6, (int?)mesen["peopleReached"]);
        Assert.Equal(6, (int?)Row(reach, "byTargetGroup", "targetGroup", "SENIORS")["peopleReached"]);
    }

    [Fact]
    public async Task The_period_includes_its_start_and_excludes_its_end()
    {
        var from = Utc(2024, 5, 1, 0, 0);
        var to = Utc(2024, 6, 1, 0, 0);
        await using (var data = await OpenAsync(api))
        {
            var course = data.Course(Utc(2024, 6, 15));
            foreach (var person in data.People(5, "Poperinge"))
            {
                data.SignUp(person, course, from);
            }

            data.SignUp(data.Person("Poperinge"), course, to.AddSeconds(-1));
            foreach (var person in data.People(5, "Poperinge"))
            {
                data.SignUp(person, course, to);
            }

            foreach (var person in data.People(5, "Poperinge"))
            {
                data.SignUp(person, course, from.AddSeconds(-1));
            }

            foreach (var person in data.People(5, "Poperinge"))
            {
                data.SignUp(person, course, Utc(2024, 5, 15), SignUpStatus.Cancelled);
            }

            await data.SaveAsync();
        }

        var reach = await ReachAsync(from, to);

        Assert.Equal(6, (int?)reach["signUps"]);
        Assert.Equal(6, (int?)reach["peopleReached"]);
    }

    [Fact]
    public async Task Months_are_calendar_months_in_Belgian_time()
    {
        await using (var data = await OpenAsync(api))
        {
            var course = data.Course(Utc(2023, 4, 20));
            // 23:30 UTC on 31 March is 01:30 on 1 April in Brussels (summer time since 26 March).
            foreach (var person in data.People(5, "Heuvelland"))
            {
                data.SignUp(person, course, Utc(2023, 3, 31, 23, 30));
            }

            // 21:30 UTC is 23:30 on 31 March in Brussels.
            foreach (var person in data.People(6, "Heuvelland"))
            {
                data.SignUp(person, course, Utc(2023, 3, 31, 21, 30));
            }

            await data.SaveAsync();
        }

        var reach = await ReachAsync("2023-03-01T00:00:00+01:00", "2023-05-01T00:00:00+02:00");

        var months = reach["byMonth"]!.AsArray();
        Assert.Equal(["2023-03", "2023-04"], months.Select(month => (string?)month!["month"]));
        Assert.Equal(6, (int?)months[0]!["signUps"]);
        Assert.Equal(6, (int?)months[0]!["peopleReached"]);
        Assert.Equal(5, (int?)months[1]!["signUps"]);
        Assert.Equal(5, (int?)months[1]!["peopleReached"]);
        Assert.Equal(11, (int?)reach["peopleReached"]);
    }

    [Fact]
    public async Task Groups_under_five_are_hidden_and_the_next_smallest_too_so_they_cannot_be_subtracted_from_the_total()
    {
        await using (var data = await OpenAsync(api))
        {
            var course = data.Course(Utc(2022, 9, 20));
            foreach (var (town, count) in new[] { ("Poperinge", 8), ("Heuvelland", 6), ("Mesen", 5), ("Vleteren", 2) })
            {
                foreach (var person in data.People(count, town))
                {
                    data.SignUp(person, course, Utc(2022, 9, 5));
                }
            }

            await data.SaveAsync();
        }

        var reach = await ReachAsync(Utc(2022, 9, 1), Utc(2022, 10, 1));

        Assert.Equal(21, (int?)reach["peopleReached"]);
        Assert.Equal(21, (int?)reach["signUps"]);
        Assert.Null(reach["loans"]);
        Assert.True((bool)reach["suppressed"]!);

        Assert.Equal(8, (int?)Row(reach, "byMunicipality", "municipality", "Poperinge")["peopleReached"]);
        Assert.Equal(6, (int?)Row(reach, "byMunicipality", "municipality", "Heuvelland")["peopleReached"]);
        var vleteren = Row(reach, "byMunicipality", "municipality", "Vleteren");
        Assert.Null(vleteren["peopleReached"]);
        Assert.Null(vleteren["signUps"]);
        Assert.True((bool)vleteren["suppressed"]!);
        // 5 is enough on its own, but shown it would give away Vleteren's 2 as 21 - 8 - 6 - 5.
        var mesen = Row(reach, "byMunicipality", "municipality", "Mesen");
        Assert.Null(mesen["peopleReached"]);
        Assert.Null(mesen["signUps"]);
        Assert.True((bool)mesen["suppressed"]!);

        var vleterenOnly = await ReachAsync(Utc(2022, 9, 1), Utc(2022, 10, 1), await Devices.LendingTestData.MunicipalityGlobalIdAsync(api, "Vleteren"));
        Assert.Null(vleterenOnly["peopleReached"]);
        Assert.Null(vleterenOnly["signUps"]);
        Assert.True((bool)vleterenOnly["suppressed"]!);
        Assert.Equal("Vleteren", (string?)vleterenOnly["municipality"]!["name"]);
    }

    [Fact]
    public async Task Erased_people_are_still_counted()
    {
        int erasedId;
        await using (var data = await OpenAsync(api))
        {
            var course = data.Course(Utc(2021, 2, 20));
            var people = data.People(6, "Heuvelland", TargetGroup.Parents);
            foreach (var person in people)
            {
                data.SignUp(person, course, Utc(2021, 2, 3), SignUpStatus.Attended);
            }

            await data.SaveAsync();
            erasedId = people[0].Id;
        }

        var erased = await _coordinator.QueryAsync(
            "mutation ($input: EraseParticipantInput!) { eraseParticipant(input: $input) { participant { isErased } errors { ... on Error { code } } } }",
            new { input = new { participantId = Devices.LendingTestData.ParticipantId(erasedId) } });
        Assert.True((bool)erased["eraseParticipant"]!["participant"]!["isErased"]!);

        var reach = await ReachAsync(Utc(2021, 2, 1), Utc(2021, 3, 1));

        Assert.Equal(6, (int?)reach["peopleReached"]);
        Assert.Equal(6, (int?)reach["attended"]);
        Assert.Equal(6, (int?)Row(reach, "byTargetGroup", "targetGroup", "PARENTS")["peopleReached"]);
    }

    [Fact]
    public async Task A_report_on_our_own_data()
    {
        await using (var data = await OpenAsync(api))
        {
            var course = data.Course(Utc(2020, 3, 10));
            foreach (var person in data.People(7, "Poperinge"))
            {
                data.SignUp(person, course, Utc(2020, 2, 12), SignUpStatus.Attended);
                data.Loan(person, Utc(2020, 3, 2));
            }

            foreach (var person in data.People(6, "Heuvelland", TargetGroup.LowIncome))
            {
                data.SignUp(person, course, Utc(2020, 3, 1));
                data.HelpRequest(person, Utc(2020, 3, 4), HelpRequestChannel.HomeVisit);
            }

            foreach (var person in data.People(3, "Vleteren", TargetGroup.Newcomers))
            {
                data.HelpRequest(person, Utc(2020, 2, 5), HelpRequestChannel.Phone);
            }

            await data.SaveAsync();
        }

        var reach = await ReachAsync("2020-02-01T00:00:00+01:00", "2020-04-01T00:00:00+02:00");

        Snapshot.Match(reach.ToJsonString(new() { WriteIndented = true }));
    }

    [Fact]
    public async Task Only_staff_read_reach_figures()
    {
        var variables = new { from = Utc(2019, 1, 1), to = Utc(2019, 2, 1) };

        var anonymous = await api.CreateGraphQLClient().PostAsync(Reach, variables);
        var digibuddy = await api.CreateStaffClient(StaffRole.Digibuddy).PostAsync(Reach, variables);
        var staff = await api.CreateStaffClient(StaffRole.Staff, "Bibliotheek Poperinge").PostAsync(Reach, variables);

        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], anonymous.ErrorCodes);
        Assert.Null(anonymous.Data?["reachStatistics"]);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], digibuddy.ErrorCodes);
        Assert.Null(staff.Errors);
        Assert.NotNull(staff.Data!["reachStatistics"]);
    }

    [Theory]
    [InlineData("2019-03-01T00:00:00Z", "2019-03-01T00:00:00Z")]
    [InlineData("2019-03-01T00:00:00Z", "2019-02-01T00:00:00Z")]
    [InlineData("2016-03-01T00:00:00Z", "2019-03-01T00:00:01Z")]
    public async Task A_period_that_is_empty_backwards_or_longer_than_three_years_is_refused(string from, string to)
    {
        var response = await _coordinator.PostAsync(Reach, new { from, to });

        Assert.Equal(["INVALID_PERIOD"], response.ErrorCodes);
    }

    [Fact]
    public async Task Three_years_exactly_is_allowed()
    {
        var reach = await ReachAsync("2016-04-01T00:00:00+02:00", "2019-04-01T00:00:00+02:00");

        Assert.Equal(36, reach["byMonth"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_town_that_does_not_exist_or_an_id_of_another_kind_is_refused()
    {
        var missing = await _coordinator.PostAsync(Reach, new { from = Utc(2019, 1, 1), to = Utc(2019, 2, 1), municipalityId = GlobalMunicipalityId(999_999) });
        var course = await _coordinator.PostAsync(Reach, new { from = Utc(2019, 1, 1), to = Utc(2019, 2, 1), municipalityId = Digibank.Api.GraphQL.Relay.GlobalId.Encode("Course", 1) });

        Assert.Equal(["INVALID_ID"], missing.ErrorCodes);
        Assert.Equal(["INVALID_ID"], course.ErrorCodes);
    }

    private async Task<JsonNode> ReachAsync(object from, object to, string? municipalityId = null) =>
        (await _coordinator.QueryAsync(Reach, new { from, to, municipalityId }))["reachStatistics"]!;

    private static JsonNode Row(JsonNode reach, string breakdown, string key, string value) =>
        reach[breakdown]!.AsArray().Single(row => (key == "municipality" ? (string?)row![key]!["name"] : (string?)row![key]) == value)!;
}
