using Digibank.Api.Courses;
using Digibank.Api.HelpRequests;
using Digibank.Api.Staff;
using static Digibank.Api.Tests.Dashboard.ReachTestData;

namespace Digibank.Api.Tests.Dashboard;

/// <summary>The figures are counted in the database: the SQL statements of a report do not grow with the people in it.</summary>
public sealed class ReachStatisticsQueryCountTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private const string Report = $$"""
        query ($from: DateTime!, $to: DateTime!) {
          reachStatistics(from: $from, to: $to) {
            {{ReachStatisticsTests.Counts}}
            byMunicipality { municipality { name } {{ReachStatisticsTests.Counts}} }
            byTargetGroup { targetGroup {{ReachStatisticsTests.Counts}} }
            byMonth { month {{ReachStatisticsTests.Counts}} }
            unmetDemand { waitingListPlaces peopleWaitingForDevice unansweredHelpRequests unansweredOlderThanAWeek suppressed }
          }
        }
        """;

    [Fact]
    public async Task A_report_on_200_people_runs_as_many_statements_as_one_on_20()
    {
        var client = api.CreateStaffClient(StaffRole.Coordinator);
        var period = new { from = "2018-01-01T00:00:00+01:00", to = "2019-01-01T00:00:00+01:00" };
        await AddPeopleAsync(20);
        await client.QueryAsync(Report, period); // warm-up: migrations, model and plan caches

        api.SqlStatements.Reset();
        var small = await client.QueryAsync(Report, period);
        var statementsFor20 = api.SqlStatements.Count;

        await AddPeopleAsync(180);
        api.SqlStatements.Reset();
        var large = await client.QueryAsync(Report, period);
        var statementsFor200 = api.SqlStatements.Count;

        Assert.Equal(20, (int?)small["reachStatistics"]!["peopleReached"]);
        Assert.Equal(200, (int?)large["reachStatistics"]!["peopleReached"]);
        Assert.Equal(statementsFor20, statementsFor200);
        // the towns, people by town and group, people by month, sign-ups, loans and help requests
        // by town, group and month; then waiting lists, device queues and open help requests
        Assert.Equal(9, statementsFor200);
    }

    private async Task AddPeopleAsync(int count)
    {
        await using var data = await OpenAsync(api);
        var course = data.Course(Utc(2018, 6, 1));
        var towns = new[] { "Poperinge", "Heuvelland", "Mesen", "Vleteren" };
        var groups = Enum.GetValues<TargetGroup>();
        for (var index = 0; index < count; index++)
        {
            var person = data.Person(towns[index % towns.Length], groups[index % groups.Length]);
            var month = 1 + (index % 12);
            data.SignUp(person, course, Utc(2018, month, 10), index % 3 == 0 ? SignUpStatus.Attended : SignUpStatus.Confirmed);
            data.Loan(person, Utc(2018, month, 12));
            data.HelpRequest(person, Utc(2018, month, 14), index % 2 == 0 ? HelpRequestChannel.HomeVisit : HelpRequestChannel.Phone);
        }

        await data.SaveAsync();
    }
}
