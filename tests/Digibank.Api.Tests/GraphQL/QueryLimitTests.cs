using System.Net;
using System.Text;
using Digibank.Api.GraphQL;

namespace Digibank.Api.Tests.GraphQL;

public sealed class QueryLimitTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private readonly GraphQLTestClient _client = api.CreateGraphQLClient();

    [Fact]
    public async Task A_query_nested_too_deep_is_refused()
    {
        var query = "{ courses { nodes { partner { id } " + string.Concat(Enumerable.Repeat("location { helpPoint { municipality { sections { name } } } } ", 1)) + "} } }";
        var deep = new StringBuilder("{ __schema { types { fields { type ");
        for (var level = 0; level < 12; level++)
        {
            deep.Append("{ ofType ");
        }

        deep.Append("{ name }").Append('}', 12).Append(" } } } }");

        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync(query)).Status);
        var response = await _client.PostAsync(deep.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("depth", (string?)response.Errors![0]!["message"], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_query_that_would_cost_too_much_is_refused_before_it_runs()
    {
        var aliases = string.Concat(Enumerable.Range(0, 30).Select(i =>
            $"c{i}: courses(first: 100) {{ nodes {{ title sessions {{ startsAt endsAt }} topics {{ name }} }} }} "));

        api.SqlStatements.Reset();
        var response = await _client.PostAsync("{ " + aliases + "}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("complexity", (string?)response.Errors![0]!["message"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, api.SqlStatements.Count);
    }

    [Fact]
    public async Task A_page_larger_than_100_is_refused_with_a_code()
    {
        var response = await _client.PostAsync("{ courses(first: 101) { nodes { title } } }");

        Assert.Equal(["PAGE_SIZE_TOO_LARGE"], response.ErrorCodes);
        Assert.Null(response.Data?["courses"]);
    }

    [Fact]
    public async Task A_request_body_over_the_limit_is_refused_with_413()
    {
        var padding = new string(' ', 70 * 1024);
        var response = await _client.PostAsync("{ municipalities { totalCount } }" + padding);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Equal(["REQUEST_TOO_LARGE"], response.ErrorCodes);
    }

    [Fact]
    public async Task The_standard_introspection_query_of_GraphQL_tools_is_allowed()
    {
        var response = await _client.PostAsync(IntrospectionQuery);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Null(response.Errors);
        Assert.Equal("Query", (string?)response.Data!["__schema"]!["queryType"]!["name"]);
    }

    [Fact]
    public async Task Aliased_counts_are_priced_by_the_SQL_they_cost_and_refused_before_any_runs()
    {
        var aliases = string.Concat(Enumerable.Range(0, 1000).Select(i => $"c{i}:courses(first:0,where:{{isFree:{{eq:true}}}}){{totalCount}} "));

        api.SqlStatements.Reset();
        var response = await _client.PostAsync("{ " + aliases + "}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["COMPLEXITY"], response.ErrorCodes);
        Assert.Equal(0, api.SqlStatements.Count);
    }

    [Fact]
    public async Task A_document_over_the_complexity_limit_is_refused_every_time_it_comes_never_remembered_as_passed()
    {
        var aliases = "{ " + string.Concat(Enumerable.Range(0, 1000).Select(i => $"c{i}:courses(first:0){{totalCount}} ")) + "}";
        const string Fine = "{ courses(first: 1) { nodes { title } } }";

        var first = await _client.PostAsync(aliases);
        var second = await _client.PostAsync(aliases);
        await _client.PostAsync(Fine);
        var fineAgain = await _client.PostAsync(Fine);

        Assert.Equal(["COMPLEXITY"], first.ErrorCodes);
        Assert.Equal(["COMPLEXITY"], second.ErrorCodes);
        Assert.Null(fineAgain.Errors);
    }

    [Fact]
    public async Task A_request_stops_at_its_budget_of_SQL_statements_with_a_code()
    {
        var aliases = string.Concat(Enumerable.Range(0, 150).Select(i => $"c{i}: courses(first: 1) {{ nodes {{ title }} }} "));

        api.SqlStatements.Reset();
        var response = await _client.PostAsync("{ " + aliases + "}");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Contains("QUERY_TOO_EXPENSIVE", response.ErrorCodes);
        Assert.All(response.ErrorCodes, code => Assert.Equal("QUERY_TOO_EXPENSIVE", code));
        Assert.InRange(api.SqlStatements.Count, QueryLimits.MaxSqlStatements, QueryLimits.MaxSqlStatements + 1);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("{ courses(first: 1) { totalCount nodes { title } } }")).Status);
    }

    [Theory]
    [InlineData(11, "nest at most 10 levels")]
    [InlineData(10, null)]
    public async Task Filters_nested_deeper_than_the_limit_are_refused_before_any_SQL_runs(int depth, string? message)
    {
        object filter = new { title = new { contains = "x" } };
        for (var level = 1; level < depth; level++)
        {
            filter = new { and = new[] { filter } };
        }

        api.SqlStatements.Reset();
        var response = await _client.PostAsync("query ($w: CourseFilterInput) { courses(where: $w) { totalCount } }", new { w = filter });

        if (message is null)
        {
            Assert.Null(response.Errors);
            return;
        }

        Assert.Equal(["FILTER_TOO_COMPLEX"], response.ErrorCodes);
        Assert.Contains(message, (string?)response.Errors![0]!["message"], StringComparison.Ordinal);
        Assert.Equal(0, api.SqlStatements.Count);
    }

    [Fact]
    public async Task An_or_filter_with_too_many_conditions_is_refused_and_one_within_the_limit_runs()
    {
        object Or(int count) => new { or = Enumerable.Range(0, count).Select(i => new { title = new { contains = $"Tax{i}" } }).Append(new { title = new { contains = "Tax" } }).ToArray() };

        var tooMany = await _client.PostAsync("query ($w: CourseFilterInput) { courses(where: $w) { totalCount } }", new { w = Or(999) });
        var withinLimit = await _client.PostAsync("query ($w: CourseFilterInput) { courses(where: $w) { totalCount } }", new { w = Or(99) });

        Assert.Equal(["FILTER_TOO_COMPLEX"], tooMany.ErrorCodes);
        Assert.Null(withinLimit.Errors);
        Assert.True((int)withinLimit.Data!["courses"]!["totalCount"]! > 0);
    }

    /// <summary>Each limit of a <c>where</c> filter, passed inline, as a <c>$where</c> variable, and with its list or nested filter as a variable.</summary>
    public static TheoryData<string, string, string> FiltersBeyondALimit()
    {
        var deep = new StringBuilder("{ title: { contains: \"x\" } }");
        for (var level = 1; level <= QueryLimits.MaxFilterDepth; level++)
        {
            deep.Insert(0, "{ and: [").Append("] }");
        }

        var conditions = "{ or: [" + string.Join(", ", Enumerable.Range(0, QueryLimits.MaxFilterConditions + 1).Select(i => $"{{ title: {{ contains: \"x{i}\" }} }}")) + "] }";
        var values = "[" + string.Join(", ", Enumerable.Range(0, QueryLimits.MaxFilterListValues + 1)) + "]";
        const string Where = "query ($where: CourseFilterInput) { courses(where: $where) { totalCount } }";
        return new()
        {
            { "nesting, inline", $"{{ courses(where: {deep}) {{ totalCount }} }}", "{}" },
            { "nesting, $where", Where, $"{{\"where\": {GraphQLValueAsJson(deep.ToString())}}}" },
            { "nesting, a nested filter as a variable", "query ($inner: CourseFilterInput) { courses(where: { and: [$inner] }) { totalCount } }", $"{{\"inner\": {GraphQLValueAsJson(deep.ToString()[8..^3])}}}" },
            { "conditions, inline", $"{{ courses(where: {conditions}) {{ totalCount }} }}", "{}" },
            { "conditions, $where", Where, $"{{\"where\": {GraphQLValueAsJson(conditions)}}}" },
            { "conditions, the or list as a variable", "query ($any: [CourseFilterInput!]) { courses(where: { or: $any }) { totalCount } }", $"{{\"any\": {GraphQLValueAsJson(conditions[6..^2])}}}" },
            { "values, inline", $"{{ courses(where: {{ seatsLeft: {{ in: {values} }} }}) {{ totalCount }} }}", "{}" },
            { "values, $where", Where, $"{{\"where\": {{\"seatsLeft\": {{\"nin\": {values}}}}}}}" },
            { "values, in: $list", "query ($seats: [Int]) { courses(where: { seatsLeft: { in: $seats } }) { totalCount } }", $"{{\"seats\": {values}}}" },
        };
    }

    [Theory]
    [MemberData(nameof(FiltersBeyondALimit))]
    public async Task A_filter_beyond_a_limit_gets_FILTER_TOO_COMPLEX_inline_or_in_variables_before_any_SQL_runs(string limit, string query, string variables)
    {
        api.SqlStatements.Reset();
        var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = GraphQLTestClient.Json($"{{\"query\": {System.Text.Json.JsonSerializer.Serialize(query)}, \"variables\": {variables}}}"),
        });

        Assert.True(response.ErrorCodes.SequenceEqual(["FILTER_TOO_COMPLEX"]), $"{limit}: {response.Body?.ToJsonString()}");
        Assert.StartsWith(limit.Split(',')[0] switch
        {
            "nesting" => "A `where` filter can nest at most 10 levels",
            "conditions" => "A `where` filter can hold at most 100 conditions",
            _ => "An `in` or `nin` list can hold at most 1000 values",
        }, (string?)response.Errors![0]!["message"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(0, api.SqlStatements.Count);
    }

    /// <summary>A GraphQL input value written in this test's own style (unquoted names) as the JSON a client would send for it.</summary>
    private static string GraphQLValueAsJson(string value) =>
        System.Text.RegularExpressions.Regex.Replace(value, @"(\w+):", "\"$1\":");

    [Fact]
    public async Task A_document_nested_deeper_than_the_parser_allows_is_a_client_error()
    {
        var response = await _client.PostAsync("{ courses { nodes " + string.Concat(Enumerable.Repeat("{ title ", 2000)) + new string('}', 2000) + " } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["DOCUMENT_TOO_DEEP"], response.ErrorCodes);
    }

    [Fact]
    public async Task Variables_nested_deeper_than_JSON_allows_are_named_as_such()
    {
        var body = "{\"query\":\"query ($w: CourseFilterInput) { courses(where: $w) { totalCount } }\",\"variables\":{\"w\":"
            + string.Concat(Enumerable.Repeat("{\"and\":[", 45)) + "{}" + string.Concat(Enumerable.Repeat("]}", 45)) + "}}";

        var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = GraphQLTestClient.Json(body) });

        Assert.Equal(["INVALID_JSON"], response.ErrorCodes);
        Assert.Contains("nested deeper than 64 levels", (string?)response.Errors![0]!["message"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(int.MaxValue - 100)]
    public async Task A_cursor_beyond_any_list_is_refused_instead_of_wrapping_around(int position)
    {
        var cursor = Convert.ToBase64String(Encoding.UTF8.GetBytes(position.ToString(System.Globalization.CultureInfo.InvariantCulture))).TrimEnd('=');

        var response = await _client.PostAsync("query ($after: String) { courses(after: $after) { pageInfo { hasNextPage endCursor } nodes { title } } }", new { after = cursor });

        Assert.Equal(["INVALID_PAGING"], response.ErrorCodes);
    }

    [Fact]
    public async Task A_subscription_sent_over_plain_HTTP_is_refused_with_a_code()
    {
        var response = await _client.PostAsync("subscription { dashboardEvents { kind } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["SUBSCRIPTION_NEEDS_WEBSOCKET"], response.ErrorCodes);
    }

    private const string IntrospectionQuery = """
        query IntrospectionQuery {
          __schema {
            queryType { name } mutationType { name } subscriptionType { name }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type {
          kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
        }
        """;
}
