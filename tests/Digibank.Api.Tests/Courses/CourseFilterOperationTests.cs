using System.Text.Json.Nodes;
using Digibank.Api.Courses;
using Digibank.Api.Data.RowSecurity;
using Digibank.Api.Regions;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.Courses;

/// <summary>Every filter operation, checked against the same condition evaluated in memory over all courses.</summary>
public sealed class CourseFilterOperationTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private static readonly DateTime InTwoWeeks = DigibankApiFactory.Now.UtcDateTime.AddDays(14);

    public static TheoryData<string, string> Operations => new()
    {
        { """{ "capacity": { "eq": 12 } }""", "capacity eq" },
        { """{ "capacity": { "neq": 12 } }""", "capacity neq" },
        { """{ "capacity": { "in": [8, 10] } }""", "capacity in" },
        { """{ "capacity": { "nin": [8, 10] } }""", "capacity nin" },
        { """{ "capacity": { "gt": 10 } }""", "capacity gt" },
        { """{ "capacity": { "ngt": 10 } }""", "capacity ngt" },
        { """{ "capacity": { "gte": 10, "lte": 12 } }""", "capacity gte lte" },
        { """{ "capacity": { "lt": 10 } }""", "capacity lt" },
        { """{ "capacity": { "nlt": 10 } }""", "capacity nlt" },
        { """{ "capacity": { "ngte": 10 } }""", "capacity ngte" },
        { """{ "capacity": { "nlte": 10 } }""", "capacity nlte" },
        { """{ "startsAt": { "lt": "2026-12-14T09:00:00Z" } }""", "startsAt lt" },
        { """{ "title": { "startsWith": "tax on" } }""", "title startsWith" },
        { """{ "title": { "nstartsWith": "tax on" } }""", "title nstartsWith" },
        { """{ "title": { "endsWith": "smartphone" } }""", "title endsWith" },
        { """{ "title": { "nendsWith": "smartphone" } }""", "title nendsWith" },
        { """{ "summary": { "contains": "itsme" } }""", "summary contains" },
        { """{ "status": { "neq": "SCHEDULED" } }""", "status neq" },
        { """{ "status": { "nin": ["SCHEDULED", "FULL"] } }""", "status nin" },
        { """{ "level": { "eq": "BEGINNER" }, "language": { "eq": "PLAIN_DUTCH" } }""", "level and language" },
        { """{ "topics": { "all": { "code": { "in": ["tax-on-web", "eid", "mijn-burgerprofiel"] } } } }""", "topics all" },
        { """{ "topics": { "none": { "code": { "eq": "smartphone-basics" } } } }""", "topics none" },
        { """{ "topics": { "any": true }, "capacity": { "lt": 10 } }""", "topics any" },
        { """{ "or": [{ "topics": { "any": false } }, { "capacity": { "lt": 10 } }] }""", "topics not any" },
        { """{ "targetGroups": { "none": { "eq": "SENIORS" } } }""", "targetGroups none" },
        { """{ "partner": { "kind": { "eq": "LIBRARY" } } }""", "partner kind" },
        { """{ "helpPoint": { "name": { "contains": "bibliotheek" } } }""", "helpPoint name" },
        { """{ "wheelchairAccessible": { "eq": false } }""", "wheelchairAccessible" },
        { """{ "isFree": { "eq": false } }""", "isFree false" },
        { """{ "signUpDeadline": { "gte": "2026-12-10T00:00:00Z" } }""", "signUpDeadline gte" },
        { """{ "or": [{ "capacity": { "lt": 8 } }, { "and": [{ "isFree": { "eq": false } }, { "seatsLeft": { "lte": 3 } }] }] }""", "nested or and" },
    };

    private static readonly Dictionary<string, Func<Course, int, bool>> Expected = new()
    {
        ["capacity eq"] = (c, _) => c.Capacity == 12,
        ["capacity neq"] = (c, _) => c.Capacity != 12,
        ["capacity in"] = (c, _) => c.Capacity is 8 or 10,
        ["capacity nin"] = (c, _) => c.Capacity is not (8 or 10),
        ["capacity gt"] = (c, _) => c.Capacity > 10,
        ["capacity ngt"] = (c, _) => !(c.Capacity > 10),
        ["capacity gte lte"] = (c, _) => c.Capacity is >= 10 and <= 12,
        ["capacity lt"] = (c, _) => c.Capacity < 10,
        ["capacity nlt"] = (c, _) => !(c.Capacity < 10),
        ["capacity ngte"] = (c, _) => !(c.Capacity >= 10),
        ["capacity nlte"] = (c, _) => !(c.Capacity <= 10),
        ["startsAt lt"] = (c, _) => c.StartsAt < InTwoWeeks,
        ["title startsWith"] = (c, _) => TextKey.Fold(c.Title).StartsWith("taxon", StringComparison.Ordinal),
        ["title nstartsWith"] = (c, _) => !TextKey.Fold(c.Title).StartsWith("taxon", StringComparison.Ordinal),
        ["title endsWith"] = (c, _) => TextKey.Fold(c.Title).EndsWith("smartphone", StringComparison.Ordinal),
        ["title nendsWith"] = (c, _) => !TextKey.Fold(c.Title).EndsWith("smartphone", StringComparison.Ordinal),
        ["summary contains"] = (c, _) => TextKey.Fold(c.Summary).Contains("itsme", StringComparison.Ordinal),
        ["status neq"] = (c, _) => c.Status != CourseStatus.Scheduled,
        ["status nin"] = (c, _) => c.Status is not (CourseStatus.Scheduled or CourseStatus.Full),
        ["level and language"] = (c, _) => c.Level == CourseLevel.Beginner && c.Language == CourseLanguage.PlainDutch,
        ["topics all"] = (c, _) => c.Topics.All(t => t.Code is "tax-on-web" or "eid" or "mijn-burgerprofiel"),
        ["topics none"] = (c, _) => c.Topics.All(t => t.Code != "smartphone-basics"),
        ["topics any"] = (c, _) => c.Topics.Count > 0 && c.Capacity < 10,
        ["topics not any"] = (c, _) => c.Topics.Count == 0 || c.Capacity < 10,
        ["targetGroups none"] = (c, _) => !c.TargetGroups.Contains(TargetGroup.Seniors),
        ["partner kind"] = (c, _) => c.Partner!.Kind == Digibank.Api.Partners.PartnerKind.Library,
        ["helpPoint name"] = (c, _) => c.HelpPoint is not null && TextKey.Fold(c.HelpPoint.Name).Contains("bibliotheek", StringComparison.Ordinal),
        ["wheelchairAccessible"] = (c, _) => !c.WheelchairAccessible,
        ["isFree false"] = (c, _) => c.PriceCents != 0,
        ["signUpDeadline gte"] = (c, _) => c.SignUpDeadline >= new DateTime(2026, 12, 10, 0, 0, 0, DateTimeKind.Utc),
        ["nested or and"] = (c, seatsLeft) => c.Capacity < 8 || (c.PriceCents != 0 && seatsLeft <= 3),
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public Task The_API_returns_exactly_the_courses_that_match(string where, string operation) => CheckAsync(api, where, operation);

    /// <summary>The API's answer to <paramref name="where"/> against the same condition in memory; on any store.</summary>
    internal static async Task CheckAsync(DigibankApiFactory api, string where, string operation)
    {
        var data = await api.CreateGraphQLClient().QueryAsync(
            "query ($where: CourseFilterInput) { courses(first: 100, where: $where) { totalCount nodes { externalId } } }",
            new { where = JsonNode.Parse(where) });

        // The demo region's sign-ups, read as that region's work (row-level security on PostgreSQL).
        using var scope = RegionScope.For(Region.FirstRegionId);
        await using var db = api.CreateDbContext();
        var courses = await db.Courses.Include(c => c.Topics).Include(c => c.Partner).Include(c => c.HelpPoint).Include(c => c.SignUps)
            .Where(c => c.Status != CourseStatus.Withdrawn).ToListAsync();
        var expected = courses
            .Where(c => Expected[operation](c, c.Capacity - c.SignUps.Count(s => SignUp.SeatTakingStatuses.Contains(s.Status))))
            .Select(c => c.ExternalId).Order().ToList();
        var actual = data["courses"]!["nodes"]!.AsArray().Select(n => (string)n!["externalId"]!).Order().ToList();

        Assert.Equal(expected, actual);
        Assert.Equal(expected.Count, (int)data["courses"]!["totalCount"]!);
        Assert.True(expected.Count > 0 && expected.Count < courses.Count, $"'{operation}' should split the demo catalogue to prove anything ({expected.Count} of {courses.Count}).");
    }
}
