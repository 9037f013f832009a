using System.Text.Json.Nodes;
using Digibank.Api.Courses;
using Digibank.Api.GraphQL.Relay;
using Microsoft.EntityFrameworkCore;
using Snapshooter.Xunit;

namespace Digibank.Api.Tests.Courses;

public sealed class CourseQueryTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private const string Titles = """
        query ($where: CourseFilterInput, $order: [CourseSortInput!]) {
          courses(first: 100, where: $where, order: $order) { totalCount nodes { id title } }
        }
        """;

    private readonly GraphQLTestClient _client = api.CreateGraphQLClient();

    [Theory]
    [InlineData("tax on web")]
    [InlineData("Tax-on-web")]
    [InlineData("taxonweb")]
    [InlineData("TAX-ON-WEB")]
    [InlineData("tàx ön wéb")]
    public Task Title_search_ignores_case_accents_spaces_and_hyphens(string typed) => TitleSearchFindsTaxOnWebAsync(api, typed);

    /// <summary>Every way of typing "tax-on-web" finds exactly the courses whose folded title holds it; on any store.</summary>
    internal static async Task TitleSearchFindsTaxOnWebAsync(DigibankApiFactory api, string typed)
    {
        var data = await api.CreateGraphQLClient().QueryAsync(Titles, new { where = new { title = new { contains = typed } }, order = (object[]?)null });
        var found = data["courses"]!["nodes"]!.AsArray().Select(node => (string)node!["title"]!).ToList();

        Assert.NotEmpty(found);
        Assert.All(found, title => Assert.Contains("taxonweb", TextKey.Fold(title)));
        await using var db = api.CreateDbContext();
        Assert.Equal(await db.Courses.Where(c => c.Status != CourseStatus.Withdrawn).CountAsync(c => c.TitleKey.Contains("taxonweb")), found.Count);
    }

    [Fact]
    public async Task Courses_on_a_topic_are_found_through_the_topic_list()
    {
        var found = await FindTitles(new { topics = new { some = new { code = new { eq = "itsme" } } } });

        await using var db = api.CreateDbContext();
        var expected = await db.Courses.Where(c => c.Status != CourseStatus.Withdrawn && c.Topics.Any(t => t.Code == "itsme")).CountAsync();
        Assert.Equal(expected, found.Count);
        Assert.NotEmpty(found);
    }

    [Fact]
    public async Task Courses_for_seniors_in_plain_Dutch_combine_with_and()
    {
        var found = await FindTitles(new
        {
            and = new object[]
            {
                new { targetGroups = new { some = new { eq = "SENIORS" } } },
                new { language = new { @in = new[] { "PLAIN_DUTCH", "DUTCH" } } },
            },
        });

        await using var db = api.CreateDbContext();
        var expected = (await db.Courses.Where(c => c.Status != CourseStatus.Withdrawn).ToListAsync())
            .Count(c => c.TargetGroups.Contains(TargetGroup.Seniors) && c.Language is CourseLanguage.PlainDutch or CourseLanguage.Dutch);
        Assert.Equal(expected, found.Count);
    }

    [Fact]
    public async Task Or_gives_the_courses_of_either_partner()
    {
        var ligo = await FindTitles(new { partner = new { code = new { eq = "ligo" } } });
        var vdab = await FindTitles(new { partner = new { code = new { eq = "vdab" } } });
        var either = await FindTitles(new { or = new object[] { new { partner = new { code = new { eq = "ligo" } } }, new { partner = new { code = new { eq = "vdab" } } } } });

        Assert.NotEmpty(ligo);
        Assert.NotEmpty(vdab);
        Assert.Equal(ligo.Count + vdab.Count, either.Count);
    }

    [Fact]
    public async Task Free_courses_with_seats_left_in_Heuvelland()
    {
        var data = await _client.QueryAsync("""
            {
              courses(first: 100, where: { isFree: { eq: true }, seatsLeft: { gt: 0 }, municipality: { name: { eq: "heuvelland" } } }) {
                nodes { seatsLeft price { amount isFree } municipality { name } }
              }
            }
            """);

        var nodes = data["courses"]!["nodes"]!.AsArray();
        Assert.NotEmpty(nodes);
        Assert.All(nodes, course =>
        {
            Assert.True((int)course!["seatsLeft"]! > 0);
            Assert.True((bool)course["price"]!["isFree"]!);
            Assert.Equal("Heuvelland", (string?)course["municipality"]!["name"]);
        });
    }

    [Fact]
    public async Task Full_courses_show_no_seats_and_their_waiting_list()
    {
        var data = await _client.QueryAsync("""
            { courses(first: 100, where: { seatsLeft: { eq: 0 } }) { nodes { capacity seatsLeft waitingListLength status } } }
            """);

        var full = data["courses"]!["nodes"]!.AsArray();
        Assert.NotEmpty(full);
        Assert.All(full, course => Assert.Equal(0, (int)course!["seatsLeft"]!));
        Assert.Contains(full, course => (int)course!["waitingListLength"]! > 0);
    }

    [Fact]
    public async Task Courses_starting_within_a_week_are_found_by_date()
    {
        var from = DigibankApiFactory.Now.UtcDateTime;
        var until = from.AddDays(7);

        var found = await FindTitles(new { startsAt = new { gte = from, lt = until } });

        Assert.Equal(await CountInDatabase(c => c.StartsAt >= from && c.StartsAt < until), found.Count);
    }

    [Fact]
    public async Task Negated_operations_exclude_what_they_name()
    {
        var all = await FindTitles(null);
        var withoutTaxOnWeb = await FindTitles(new { title = new { ncontains = "tax on web" } });
        var taxOnWeb = await FindTitles(new { title = new { contains = "tax on web" } });

        Assert.Equal(all.Count, withoutTaxOnWeb.Count + taxOnWeb.Count);
    }

    [Fact]
    public async Task Sorting_by_title_descending_then_by_partner_name()
    {
        var byTitle = await FindTitles(null, new object[] { new { title = "DESC" } });

        Assert.Equal(byTitle.OrderByDescending(t => t, StringComparer.Ordinal), byTitle);
    }

    [Fact]
    public async Task Sorting_by_a_related_object_uses_its_field()
    {
        var data = await _client.QueryAsync("""
            { courses(first: 100, order: [{ partner: { name: ASC } }, { startsAt: DESC }]) { nodes { partner { name } startsAt } } }
            """);

        var partners = data["courses"]!["nodes"]!.AsArray().Select(c => (string)c!["partner"]!["name"]!).ToList();
        Assert.Equal(partners.OrderBy(p => p, StringComparer.Ordinal), partners);
    }

    [Fact]
    public async Task The_default_order_is_soonest_first()
    {
        var data = await _client.QueryAsync("{ courses(first: 100) { nodes { startsAt } } }");

        var starts = data["courses"]!["nodes"]!.AsArray().Select(c => (DateTime)c!["startsAt"]!).ToList();
        Assert.Equal(starts.Order(), starts);
    }

    [Fact]
    public async Task A_filter_on_a_course_id_of_another_type_is_refused()
    {
        var response = await _client.PostAsync(Titles, new { where = new { id = new { eq = GlobalId.Encode("Partner", 1) } } });

        Assert.Equal(["INVALID_ID"], response.ErrorCodes);
    }

    [Fact]
    public async Task Filtering_by_id_returns_that_course()
    {
        var first = (await FindNodes(null))[0]!;

        var found = await FindNodes(new { id = new { @in = new[] { (string)first["id"]! } } });

        Assert.Equal((string?)first["title"], (string?)Assert.Single(found)!["title"]);
    }

    [Fact]
    public async Task A_course_page_with_everything_a_partner_site_shows()
    {
        var data = await _client.QueryAsync("""
            {
              courses(first: 3, where: { status: { eq: SCHEDULED } }) {
                totalCount
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                edges {
                  cursor
                  node {
                    id title summary level language targetGroups capacity seatsLeft waitingListLength
                    price { amount reducedAmount currency isFree }
                    signUpDeadline isSignUpOpen status wheelchairAccessible accessibilityNotes startsAt externalId
                    topics { code name }
                    partner { code name }
                    location { name street helpPoint { name } municipality { name } }
                    sessions { startsAt endsAt room }
                  }
                }
              }
            }
            """);

        Snapshot.Match(data.ToJsonString(new() { WriteIndented = true }));
    }

    private async Task<List<string>> FindTitles(object? where, object[]? order = null) =>
        [.. (await FindNodes(where, order)).Select(node => (string)node!["title"]!)];

    private async Task<JsonArray> FindNodes(object? where, object[]? order = null) =>
        (await _client.QueryAsync(Titles, new { where, order }))["courses"]!["nodes"]!.AsArray();

    private async Task<int> CountInDatabase(System.Linq.Expressions.Expression<Func<Course, bool>> predicate)
    {
        await using var db = api.CreateDbContext();
        return await db.Courses.Where(c => c.Status != CourseStatus.Withdrawn).CountAsync(predicate);
    }
}
