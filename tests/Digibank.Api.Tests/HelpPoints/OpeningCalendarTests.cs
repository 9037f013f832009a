using System.Text.Json.Nodes;
using Digibank.Api.HelpPoints;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.HelpPoints;

/// <summary>"Open" respects Belgium's public holidays and each help point's closures, wherever the API says it.</summary>
public sealed class OpeningCalendarTests(DigibankApiFactory api) : RestoresClock(api.Clock), IClassFixture<DigibankApiFactory>
{
    private const string Points = "{ helpPoints(first: 50) { nodes { id name isOpenNow nextOpenAt closures { reason startsAt endsAt } } } }";

    [Fact]
    public void Belgium_s_ten_public_holidays_move_with_Easter()
    {
        Assert.Equal(new DateOnly(2026, 4, 5), OpeningCalendar.EasterSunday(2026));
        Assert.Equal(new DateOnly(2027, 3, 28), OpeningCalendar.EasterSunday(2027));
        var holidays = OpeningCalendar.PublicHolidays(2026).Select(h => h.Date).ToList();
        Assert.Equal(
            [new(2026, 1, 1), new(2026, 4, 6), new(2026, 5, 1), new(2026, 5, 14), new(2026, 5, 25), new(2026, 7, 21), new(2026, 8, 15), new(2026, 11, 1), new(2026, 11, 11), new(2026, 12, 25)],
            holidays);
        Assert.True(OpeningCalendar.IsPublicHoliday(new DateOnly(2027, 5, 17)));
        Assert.False(OpeningCalendar.IsPublicHoliday(new DateOnly(2026, 12, 26)));
    }

    [Fact]
    public async Task On_Christmas_Day_no_point_is_open_and_each_opens_again_after_it()
    {
        // Friday 25 December 2026, 10:00 in Poperinge: a weekday on which points are normally open.
        api.Clock.Current = new DateTimeOffset(2026, 12, 25, 9, 0, 0, TimeSpan.Zero);

        var points = await PointsAsync();

        Assert.All(points, point => Assert.False((bool)point!["isOpenNow"]!));
        Assert.All(points.Where(point => point!["nextOpenAt"] is not null),
            point => Assert.True((DateTime)point!["nextOpenAt"]! >= new DateTime(2026, 12, 25, 23, 0, 0, DateTimeKind.Utc), $"{point["name"]} opens on Christmas"));
    }

    [Fact]
    public async Task Staff_close_their_point_for_a_few_days_and_it_is_closed_until_then_and_open_again_when_they_take_it_away()
    {
        var library = await OpenPointAsync();
        var name = (string)library["name"]!;
        var staff = api.CreateStaffClient(StaffRole.Staff, name);
        var now = api.Clock.GetUtcNow().UtcDateTime;
        var reopens = now.AddDays(3);
        const string Add = """
            mutation ($input: AddClosureInput!) { addClosure(input: $input) { closure { id reason } errors { ... on Error { code } ... on InvalidInputError { field } } } }
            """;
        var input = new { helpPointId = (string)library["id"]!, startsAt = now.AddHours(-1), endsAt = reopens, reason = "Personeelsdagen" };

        var other = (string)(await PointsAsync()).First(point => (string?)point!["name"] != name)!["name"]!;
        var otherPoint = await api.CreateStaffClient(StaffRole.Staff, other).QueryAsync(Add, new { input });
        var backwards = await staff.QueryAsync(Add, new { input = input with { endsAt = now.AddHours(-2) } });
        var added = await staff.QueryAsync(Add, new { input });
        var closed = (await PointsAsync()).Single(point => (string?)point!["name"] == name)!;
        var removed = await staff.QueryAsync(
            "mutation ($input: RemoveClosureInput!) { removeClosure(input: $input) { closure { reason } errors { ... on Error { code } } } }",
            new { input = new { closureId = (string)added["addClosure"]!["closure"]!["id"]! } });
        var reopened = (await PointsAsync()).Single(point => (string?)point!["name"] == name)!;

        Assert.Equal("NOT_ALLOWED", (string?)otherPoint["addClosure"]!["errors"]![0]!["code"]);
        Assert.Equal("endsAt", (string?)backwards["addClosure"]!["errors"]![0]!["field"]);
        Assert.False((bool)closed["isOpenNow"]!);
        Assert.True((DateTime)closed["nextOpenAt"]! >= reopens, $"next open {closed["nextOpenAt"]} is within the closure");
        Assert.Equal("Personeelsdagen", (string?)closed["closures"]![0]!["reason"]);
        Assert.Equal("Personeelsdagen", (string?)removed["removeClosure"]!["closure"]!["reason"]);
        Assert.True((bool)reopened["isOpenNow"]!);
        Assert.Empty(reopened["closures"]!.AsArray());
    }

    [Fact]
    public async Task The_help_finder_sends_no_one_to_a_closed_door()
    {
        var library = await OpenPointAsync();
        var now = api.Clock.GetUtcNow().UtcDateTime;
        await api.CreateGraphQLClient().QueryAsync("{ helpFor(question: \"belastingen\") { helpPoints { name } } }");
        var closed = await api.CreateStaffClient(StaffRole.Coordinator).QueryAsync(
            "mutation ($input: AddClosureInput!) { addClosure(input: $input) { closure { id } errors { ... on Error { code } } } }",
            new { input = new { helpPointId = (string)library["id"]!, startsAt = now.AddHours(-1), endsAt = now.AddDays(30), reason = "Verbouwing" } });
        Assert.Empty(closed["addClosure"]!["errors"]!.AsArray());

        var answer = (await api.CreateGraphQLClient().QueryAsync("{ helpFor(question: \"hoe doe ik mijn belastingaangifte\") { helpPoints { name nextOpenAt } } }"))["helpFor"]!;

        Assert.All(answer["helpPoints"]!.AsArray(), point => Assert.True(
            (string?)point!["name"] != (string?)library["name"] || (DateTime)point["nextOpenAt"]! >= api.Clock.GetUtcNow().UtcDateTime.AddDays(30),
            $"{library["name"]} is suggested as open during its closure."));
        await api.CreateStaffClient(StaffRole.Coordinator).QueryAsync(
            "mutation ($input: RemoveClosureInput!) { removeClosure(input: $input) { closure { id } } }",
            new { input = new { closureId = (string)closed["addClosure"]!["closure"]!["id"]! } });
    }

    private async Task<JsonArray> PointsAsync() =>
        (await api.CreateGraphQLClient().QueryAsync(Points))["helpPoints"]!["nodes"]!.AsArray();

    // A point that offers walk-in help and is open on Monday at 10:00 in the demo region.
    private async Task<JsonNode> OpenPointAsync() =>
        (await api.CreateGraphQLClient().QueryAsync("{ helpPoints(first: 50) { nodes { id name isOpenNow services } } }"))["helpPoints"]!["nodes"]!.AsArray()
            .First(point => (bool)point!["isOpenNow"]! && point["services"]!.AsArray().Any(service => (string?)service == "WALK_IN_HELP"))!;
}
