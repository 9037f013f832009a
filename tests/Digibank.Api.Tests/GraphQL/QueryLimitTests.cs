using System.Net;
using System.Text;

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
