using System.Net;
using System.Net.Http.Headers;

namespace Digibank.Api.Tests.GraphQL;

public sealed class HttpTransportTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private const string MunicipalityNames = "{ municipalities { nodes { name } } }";

    private readonly GraphQLTestClient _client = api.CreateGraphQLClient();

    [Fact]
    public async Task A_POST_with_JSON_answers_graphql_response_json()
    {
        var response = await _client.PostAsync(MunicipalityNames);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/graphql-response+json", response.ContentType);
        Assert.Equal(["Heuvelland", "Mesen", "Poperinge", "Vleteren"], response.Data!["municipalities"]!["nodes"]!.AsArray().Select(n => (string?)n!["name"]));
    }

    [Fact]
    public async Task A_client_that_accepts_only_application_json_gets_application_json()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = GraphQLTestClient.Json($$"""{"query":"{{MunicipalityNames}}"}""") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/json", response.ContentType);
        Assert.NotNull(response.Data);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("*/*")]
    public async Task A_client_that_names_no_media_type_gets_application_json_with_200_on_errors(string? accept)
    {
        using var http = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = GraphQLTestClient.Json("""{"query":"{ nosuchfield }"}""") };
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("nosuchfield", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unacceptable_media_type_is_refused_with_406()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = GraphQLTestClient.Json($$"""{"query":"{{MunicipalityNames}}"}""") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.Status);
        Assert.Equal(["NOT_ACCEPTABLE"], response.ErrorCodes);
    }

    [Fact]
    public async Task A_query_over_GET_works_with_variables()
    {
        var response = await _client.GetAsync(
            "query Town($name: String) { municipalities(where: { name: { eq: $name } }) { nodes { name postalCode } } }",
            new { name = "Mesen" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("8957", (string?)response.Data!["municipalities"]!["nodes"]![0]!["postalCode"]);
    }

    [Fact]
    public async Task A_mutation_over_GET_is_refused_with_405()
    {
        var response = await _client.GetAsync("mutation { signUp }");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Contains("METHOD_NOT_ALLOWED", response.ErrorCodes);
    }

    [Fact]
    public async Task The_operation_name_picks_the_operation_to_run()
    {
        const string document = """
            query Towns { municipalities { totalCount } }
            query Partners { partners(first: 1) { nodes { code } } }
            """;

        var response = await _client.PostAsync(document, operationName: "Towns");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(4, (int)response.Data!["municipalities"]!["totalCount"]!);
        Assert.Null(response.Data["partners"]);
    }

    [Fact]
    public async Task Several_operations_without_an_operation_name_is_a_bad_request()
    {
        var response = await _client.PostAsync("query A { municipalities { totalCount } } query B { partners { totalCount } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.NotEmpty(response.ErrorCodes);
    }

    [Fact]
    public async Task Unparsable_JSON_is_a_bad_request_with_a_code()
    {
        var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = GraphQLTestClient.Json("{\"query\": ") });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["INVALID_JSON"], response.ErrorCodes);
    }

    [Fact]
    public async Task A_request_without_a_query_is_a_bad_request()
    {
        var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = GraphQLTestClient.Json("{\"variables\": {}}") });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["INVALID_REQUEST"], response.ErrorCodes);
    }

    [Fact]
    public async Task A_GraphQL_syntax_error_is_a_bad_request_with_its_location()
    {
        var response = await _client.PostAsync("{ municipalities { nodes { name } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["SYNTAX_ERROR"], response.ErrorCodes);
        Assert.NotNull(response.Errors![0]!["locations"]);
    }

    [Fact]
    public async Task An_unknown_field_is_a_bad_request_naming_the_field()
    {
        var response = await _client.PostAsync("{ municipalities { nodes { mayor } } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("mayor", (string?)response.Errors![0]!["message"]);
        Assert.NotEmpty(response.ErrorCodes.OfType<string>());
    }

    [Fact]
    public async Task For_application_json_clients_a_validation_error_keeps_status_200()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = GraphQLTestClient.Json("""{"query":"{ municipalities { nodes { mayor } } }"}""") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotEmpty(response.ErrorCodes);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_refused_with_415()
    {
        var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(MunicipalityNames, System.Text.Encoding.UTF8, "application/graphql"),
        });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
        Assert.Equal(["UNSUPPORTED_MEDIA_TYPE"], response.ErrorCodes);
    }

    [Fact]
    public async Task A_wrongly_typed_variable_is_a_bad_request()
    {
        var response = await _client.PostAsync("query ($first: Int) { courses(first: $first) { totalCount } }", new { first = "ten" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.NotEmpty(response.ErrorCodes.OfType<string>());
    }

    [Fact]
    public async Task Errors_never_carry_stack_traces_or_exception_types()
    {
        var response = await _client.PostAsync("{ node(id: \"not-an-id\") { id } }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(["INVALID_ID"], response.ErrorCodes);
        var body = response.Body!.ToJsonString();
        Assert.DoesNotContain("stack", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }
}
