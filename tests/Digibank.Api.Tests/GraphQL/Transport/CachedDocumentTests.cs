using System.Net;
using System.Text.Json.Nodes;

namespace Digibank.Api.Tests.GraphQL.Transport;

/// <summary>
/// A document sent again is served from the document cache: from its third run on, its validation and the fields
/// each selection set asks are reused. Whatever depends on the request must still be decided per request.
/// </summary>
public sealed class CachedDocumentTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private const int RunsPastEveryCache = 4;

    private readonly GraphQLTestClient _client = api.CreateGraphQLClient();

    [Fact]
    public async Task A_mutation_that_ran_over_POST_is_still_refused_over_GET()
    {
        const string mutation = """mutation { cancelSignUp(input: { signUpId: "U2lnblVwOjk5OTk5", cancellationToken: "no-such-token" }) { errors { __typename } } }""";
        for (var run = 0; run < RunsPastEveryCache; run++)
        {
            var posted = await _client.PostAsync(mutation);
            Assert.Equal(HttpStatusCode.OK, posted.Status);
            Assert.Null(posted.Errors);
        }

        var sentWithGet = await _client.GetAsync(mutation);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, sentWithGet.Status);
        Assert.Equal(["METHOD_NOT_ALLOWED"], sentWithGet.ErrorCodes);
    }

    [Fact]
    public async Task Repeated_response_keys_and_aliases_answer_the_same_on_every_run()
    {
        const string query = """
            {
              courses(first: 3) { nodes @include(if: true) { id } nodes { title startsAt } first: nodes { id } }
              again: courses(first: 1) { totalCount }
            }
            """;

        var answers = new List<string>();
        for (var run = 0; run < RunsPastEveryCache; run++)
        {
            var response = await _client.PostAsync(query);
            Assert.Null(response.Errors);
            answers.Add(response.Data!.ToJsonString());
        }

        Assert.Single(answers.Distinct());
        var course = JsonNode.Parse(answers[0])!["courses"]!["nodes"]![0]!.AsObject();
        Assert.Equal(["id", "title", "startsAt"], course.Select(property => property.Key));
        Assert.Equal(3, JsonNode.Parse(answers[0])!["courses"]!["first"]!.AsArray().Count);
        Assert.True((int)JsonNode.Parse(answers[0])!["again"]!["totalCount"]! > 3);
    }

    [Fact]
    public async Task Concurrent_runs_of_a_document_that_merges_fields_all_answer_the_same()
    {
        const string query = """{ courses(first: 5) @include(if: true) { nodes { id } } courses(first: 5) { nodes { title } } }""";
        var expected = await _client.PostAsync(query);
        await _client.PostAsync(query);

        var answers = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => _client.PostAsync(query)));

        Assert.All(answers, answer =>
        {
            Assert.Null(answer.Errors);
            Assert.Equal(expected.Data!.ToJsonString(), answer.Data!.ToJsonString());
        });
    }

    [Fact]
    public async Task Include_and_skip_follow_each_request_s_variables()
    {
        const string query = """
            query ($withTitle: Boolean!) {
              courses(first: 2) { nodes { id title @include(if: $withTitle) } more: nodes { ...When } }
            }
            fragment When on Course { startsAt @skip(if: $withTitle) }
            """;

        for (var run = 0; run < RunsPastEveryCache; run++)
        {
            var withTitle = run % 2 == 0;

            var courses = (await _client.PostAsync(query, new { withTitle })).Data!["courses"]!;

            Assert.Equal(withTitle ? ["id", "title"] : ["id"], courses["nodes"]![0]!.AsObject().Select(property => property.Key));
            Assert.Equal(withTitle ? [] : ["startsAt"], courses["more"]![0]!.AsObject().Select(property => property.Key));
        }
    }

    [Fact]
    public async Task A_variable_free_query_keeps_its_arguments_on_every_run()
    {
        const string query = """{ one: courses(first: 1) { nodes { id } } three: courses(first: 3, order: [{ title: DESC }]) { nodes { title } } }""";
        var expected = await _client.PostAsync(query);

        for (var run = 1; run < RunsPastEveryCache; run++)
        {
            var response = await _client.PostAsync(query);

            Assert.Single(response.Data!["one"]!["nodes"]!.AsArray());
            Assert.Equal(3, response.Data["three"]!["nodes"]!.AsArray().Count);
            Assert.Equal(expected.Data!.ToJsonString(), response.Data.ToJsonString());
        }
    }
}
