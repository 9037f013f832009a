using System.Text.Json.Nodes;
using Digibank.Api.Courses;
using Digibank.Api.Data.RowSecurity;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Municipalities;
using Digibank.Api.Regions;
using Digibank.Api.Tests.Regions;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.Courses;

/// <summary>The public catalogue spans every region, narrows to one by its code, and reaches across a border by distance.</summary>
public sealed class CoursesAcrossRegionsTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private const string Courses = """
        query ($region: String, $near: NearTownInput, $first: Int) {
          courses(region: $region, near: $near, first: $first) { totalCount nodes { id title location { municipality { name } } } }
        }
        """;

    [Fact]
    public async Task Without_a_region_the_catalogue_holds_every_region_and_with_one_only_that_region()
    {
        var neighbour = await NeighbourRegion.OfAsync(api);
        var client = api.CreateGraphQLClient();

        var all = (await client.QueryAsync(Courses, new { first = 100 }))["courses"]!;
        var ieper = (await client.QueryAsync(Courses, new { region = NeighbourRegion.Code, first = 100 }))["courses"]!;
        var poperinge = (await client.QueryAsync(Courses, new { region = "poperinge", first = 100 }))["courses"]!;

        await using var db = api.CreateDbContext();
        var demoCourses = await db.Courses.CountAsync(c => c.Status != CourseStatus.Withdrawn && c.RegionId == Region.FirstRegionId);
        var ieperCourses = await db.Courses.CountAsync(c => c.Status != CourseStatus.Withdrawn && c.RegionId == neighbour.RegionId);
        Assert.Contains(NeighbourRegion.CourseTitle, Titles(ieper));
        Assert.Equal(ieperCourses, (int)ieper["totalCount"]!);
        Assert.Equal(demoCourses, (int)poperinge["totalCount"]!);
        Assert.DoesNotContain(NeighbourRegion.CourseTitle, Titles(poperinge));
        Assert.Equal(demoCourses + ieperCourses, (int)all["totalCount"]!);
        Assert.Contains(NeighbourRegion.CourseTitle, Titles(all));
    }

    [Fact]
    public async Task An_unknown_region_code_is_an_error_that_says_so()
    {
        var response = await api.CreateGraphQLClient().PostAsync(Courses, new { region = "atlantis" });
        var helpPoints = await api.CreateGraphQLClient().PostAsync("{ helpPoints(region: \"atlantis\") { totalCount } }");
        var devices = await api.CreateGraphQLClient().PostAsync("{ deviceAvailability(region: \"atlantis\") { total } }");

        Assert.Equal(["REGION_NOT_FOUND"], response.ErrorCodes);
        Assert.Equal(["REGION_NOT_FOUND"], helpPoints.ErrorCodes);
        Assert.Equal(["REGION_NOT_FOUND"], devices.ErrorCodes);
    }

    [Fact]
    public async Task Within_15_km_of_Vleteren_are_the_courses_of_Vleteren_Poperinge_and_Ieper_across_the_border()
    {
        var neighbour = await NeighbourRegion.OfAsync(api);
        await using var db = api.CreateDbContext();
        var town = await db.Municipalities.Where(m => m.Name != "Ieper" && m.Name != "Zonnebeke").ToDictionaryAsync(m => m.Name, m => m.Id);
        int[] nearby = [town["Vleteren"], town["Poperinge"], neighbour.IeperId];
        var expected = await db.Courses.CountAsync(c => c.Status != CourseStatus.Withdrawn && nearby.Contains(c.MunicipalityId));
        var near = new { municipalityId = GlobalId.Encode(MunicipalityType.TypeName, town["Vleteren"]), withinKm = 15.0 };

        var page = (await api.CreateGraphQLClient().QueryAsync(Courses, new { near, first = 100 }))["courses"]!;
        var ieperOnly = (await api.CreateGraphQLClient().QueryAsync(Courses, new { near, region = NeighbourRegion.Code, first = 100 }))["courses"]!;
        var small = (await api.CreateGraphQLClient().QueryAsync(Courses, new { near, first = 2 }))["courses"]!;

        var towns = page["nodes"]!.AsArray().Select(n => (string?)n!["location"]!["municipality"]!["name"]).ToHashSet();
        Assert.True(towns.IsSubsetOf(["Vleteren", "Poperinge", "Ieper"]), string.Join(", ", towns));
        Assert.Contains("Ieper", towns);
        Assert.Equal(expected, (int)page["totalCount"]!);
        Assert.Equal(expected, page["nodes"]!.AsArray().Count);
        Assert.True(expected > 2);
        Assert.Equal((expected, 2), ((int)small["totalCount"]!, small["nodes"]!.AsArray().Count));
        Assert.Contains(NeighbourRegion.CourseTitle, Titles(ieperOnly));
        Assert.All(ieperOnly["nodes"]!.AsArray(), n => Assert.Equal("Ieper", (string?)n!["location"]!["municipality"]!["name"]));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-3.0)]
    [InlineData(200.5)]
    public async Task A_distance_of_nothing_or_more_than_200_km_is_refused(double km)
    {
        var near = new { municipalityId = GlobalId.Encode(MunicipalityType.TypeName, 1), withinKm = km };

        var response = await api.CreateGraphQLClient().PostAsync(Courses, new { near });

        Assert.Equal(["INVALID_ARGUMENT"], response.ErrorCodes);
        Assert.Contains("at most 200", (string?)response.Errors![0]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_points_and_device_availability_narrow_to_a_region()
    {
        var neighbour = await NeighbourRegion.OfAsync(api);
        var client = api.CreateGraphQLClient();

        var ieper = await client.QueryAsync("{ helpPoints(region: \"ieper\") { nodes { name } } deviceAvailability(region: \"ieper\") { helpPoint { name } kind total available } }");
        var demo = await client.QueryAsync("{ helpPoints(region: \"poperinge\") { nodes { name } } deviceAvailability(region: \"poperinge\") { helpPoint { name } } }");
        var all = await client.QueryAsync("{ helpPoints(first: 100) { nodes { name } } }");

        Assert.Equal([NeighbourRegion.LibraryName], ieper["helpPoints"]!["nodes"]!.AsArray().Select(n => (string?)n!["name"]));
        Assert.Equal("""[{"helpPoint":{"name":"Bibliotheek Ieper"},"kind":"TABLET","total":1,"available":1}]""", ieper["deviceAvailability"]!.ToJsonString());
        Assert.DoesNotContain(NeighbourRegion.LibraryName, demo["helpPoints"]!["nodes"]!.AsArray().Select(n => (string?)n!["name"]));
        Assert.NotEmpty(demo["deviceAvailability"]!.AsArray());
        Assert.DoesNotContain(NeighbourRegion.LibraryName, demo["deviceAvailability"]!.AsArray().Select(n => (string?)n!["helpPoint"]!["name"]));
        Assert.Contains(NeighbourRegion.LibraryName, all["helpPoints"]!["nodes"]!.AsArray().Select(n => (string?)n!["name"]));
        Assert.True(neighbour.LibraryId > 0);
    }

    [Fact]
    public async Task A_resident_of_Vleteren_signs_up_anonymously_for_a_course_in_Ieper_and_becomes_a_participant_of_regio_Ieper()
    {
        var neighbour = await NeighbourRegion.OfAsync(api);
        await using var db = api.CreateDbContext();
        var vleteren = await db.Municipalities.Where(m => m.Name == "Vleteren").Select(m => m.Id).SingleAsync();

        var payload = (await api.CreateGraphQLClient().QueryAsync("""
            mutation ($input: SignUpForCourseInput!) {
              signUpForCourse(input: $input) { signUp { status } errors { ... on Error { code message } } }
            }
            """, new
        {
            input = new
            {
                courseId = GlobalId.Encode(CourseType.TypeName, neighbour.CourseId), firstName = "Marleen", email = "marleen.grens@example.be",
                municipalityId = GlobalId.Encode(MunicipalityType.TypeName, vleteren), targetGroup = "SENIORS", consent = true,
            },
        }))["signUpForCourse"]!;

        Assert.Empty(payload["errors"]!.AsArray());
        Assert.Equal("CONFIRMED", (string?)payload["signUp"]!["status"]);
        using var scope = RegionScope.For(neighbour.RegionId);
        var signUp = await db.SignUps.Include(s => s.Participant).SingleAsync(s => s.CourseId == neighbour.CourseId);
        Assert.Equal((neighbour.RegionId, neighbour.RegionId, vleteren), (signUp.RegionId, signUp.Participant!.RegionId, signUp.Participant.MunicipalityId));
    }

    [Fact]
    public async Task A_page_of_one_region_runs_as_many_statements_as_the_whole_catalogue_plus_none_per_course()
    {
        await NeighbourRegion.OfAsync(api);
        var client = api.CreateGraphQLClient();
        const string Page = "query ($region: String, $first: Int) { courses(region: $region, first: $first) { totalCount nodes { title partner { name } topics { name } sessions { startsAt } } } }";
        await client.QueryAsync(Page, new { region = "poperinge", first = 2 }); // warm-up: the region's code is kept

        api.SqlStatements.Reset();
        await client.QueryAsync(Page, new { region = "poperinge", first = 3 });
        var few = api.SqlStatements.Count;
        api.SqlStatements.Reset();
        await client.QueryAsync(Page, new { region = "poperinge", first = 50 });
        var many = api.SqlStatements.Count;
        api.SqlStatements.Reset();
        await client.QueryAsync(Page, new { first = 50 });
        var everyRegion = api.SqlStatements.Count;

        Assert.Equal(few, many);
        Assert.Equal(everyRegion, many);
    }

    [Fact]
    public async Task The_help_finder_answers_for_one_region_from_its_courses_and_places()
    {
        await NeighbourRegion.OfAsync(api);
        const string HelpFor = """
            query ($region: String) {
              helpFor(question: "Hoe gebruik ik mijn tablet?", region: $region) { courses(first: 100) { nodes { title } } helpPoints { name } }
            }
            """;

        var ieper = (await api.CreateGraphQLClient().QueryAsync(HelpFor, new { region = NeighbourRegion.Code }))["helpFor"]!;
        var poperinge = (await api.CreateGraphQLClient().QueryAsync(HelpFor, new { region = "poperinge" }))["helpFor"]!;
        var everywhere = (await api.CreateGraphQLClient().QueryAsync(HelpFor))["helpFor"]!;

        Assert.Equal([NeighbourRegion.CourseTitle], Titles(ieper["courses"]!));
        Assert.Equal([NeighbourRegion.LibraryName], ieper["helpPoints"]!.AsArray().Select(h => (string?)h!["name"]));
        Assert.DoesNotContain(NeighbourRegion.CourseTitle, Titles(poperinge["courses"]!));
        Assert.NotEmpty(Titles(poperinge["courses"]!));
        Assert.DoesNotContain(NeighbourRegion.LibraryName, poperinge["helpPoints"]!.AsArray().Select(h => (string?)h!["name"]));
        Assert.Contains(NeighbourRegion.CourseTitle, Titles(everywhere["courses"]!));
    }

    private static List<string?> Titles(JsonNode connection) => [.. connection["nodes"]!.AsArray().Select(n => (string?)n!["title"])];
}
