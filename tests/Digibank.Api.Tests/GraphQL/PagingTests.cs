using System.Text.Json.Nodes;
using Digibank.Api.Courses;

namespace Digibank.Api.Tests.GraphQL;

public sealed class PagingTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private const string Page = """
        query ($first: Int, $after: String, $last: Int, $before: String) {
          courses(first: $first, after: $after, last: $last, before: $before, order: [{ title: ASC }]) {
            totalCount
            edges { cursor node { id title } }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          }
        }
        """;

    private readonly GraphQLTestClient _client = api.CreateGraphQLClient();

    [Fact]
    public async Task Paging_forwards_visits_every_course_once_in_order()
    {
        var all = Titles((await _client.QueryAsync(Page, new { first = 100 }))["courses"]!);
        var seen = new List<string>();
        string? after = null;
        for (var pages = 0; pages < 50; pages++)
        {
            var courses = (await _client.QueryAsync(Page, new { first = 7, after }))["courses"]!;
            seen.AddRange(Titles(courses));
            if (!(bool)courses["pageInfo"]!["hasNextPage"]!)
            {
                break;
            }

            after = (string?)courses["pageInfo"]!["endCursor"];
        }

        Assert.Equal(all, seen);
        Assert.True(all.Count > 7);
    }

    [Fact]
    public async Task Paging_backwards_from_the_end_gives_the_last_items()
    {
        var all = Titles((await _client.QueryAsync(Page, new { first = 100 }))["courses"]!);

        var last = (await _client.QueryAsync(Page, new { last = 5 }))["courses"]!;
        Assert.Equal(all.TakeLast(5), Titles(last));
        Assert.False((bool)last["pageInfo"]!["hasNextPage"]!);
        Assert.True((bool)last["pageInfo"]!["hasPreviousPage"]!);

        var before = (await _client.QueryAsync(Page, new { last = 5, before = (string?)last["pageInfo"]!["startCursor"] }))["courses"]!;
        Assert.Equal(all.SkipLast(5).TakeLast(5), Titles(before));
        Assert.True((bool)before["pageInfo"]!["hasNextPage"]!);
    }

    [Fact]
    public async Task The_first_page_has_no_previous_page_and_counts_all_items()
    {
        var courses = (await _client.QueryAsync(Page, new { first = 3 }))["courses"]!;
        await using var db = api.CreateDbContext();

        Assert.False((bool)courses["pageInfo"]!["hasPreviousPage"]!);
        Assert.True((bool)courses["pageInfo"]!["hasNextPage"]!);
        Assert.Equal(db.Courses.Count(c => c.Status != Digibank.Api.Courses.CourseStatus.Withdrawn), (int)courses["totalCount"]!);
        Assert.Equal(3, courses["edges"]!.AsArray().Count);
    }

    [Fact]
    public async Task Without_a_size_a_page_has_ten_items()
    {
        var courses = (await _client.QueryAsync(Page))["courses"]!;

        Assert.Equal(10, courses["edges"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("""{ "first": 2, "last": 2 }""")]
    [InlineData("""{ "first": -1 }""")]
    [InlineData("""{ "first": 2, "after": "bm90LWEtY3Vyc29y" }""")]
    public async Task Contradictory_or_broken_paging_arguments_get_INVALID_PAGING(string variables)
    {
        var response = await _client.PostAsync(Page, JsonNode.Parse(variables));

        Assert.Equal(["INVALID_PAGING"], response.ErrorCodes);
    }

    private static List<string> Titles(JsonNode courses) =>
        [.. courses["edges"]!.AsArray().Select(edge => (string)edge!["node"]!["title"]!)];
}
