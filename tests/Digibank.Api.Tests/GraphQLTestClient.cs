using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Digibank.Api.Tests;

/// <summary>
/// Talks to <c>/graphql</c> as a partner website would: JSON over POST, or GET for queries, accepting
/// <c>application/graphql-response+json</c> first as clients of the GraphQL-over-HTTP specification do.
/// </summary>
public sealed class GraphQLTestClient
{
    public const string SpecificationAccept = "application/graphql-response+json, application/json;q=0.9";

    public GraphQLTestClient(HttpClient http)
    {
        Http = http;
        if (Http.DefaultRequestHeaders.Accept.Count == 0)
        {
            Http.DefaultRequestHeaders.Accept.ParseAdd(SpecificationAccept);
        }
    }

    public HttpClient Http { get; }

    public async Task<GraphQLResponse> PostAsync(string query, object? variables = null, string? operationName = null)
    {
        using var response = await Http.PostAsJsonAsync("/graphql", new { query, variables, operationName });
        return await GraphQLResponse.ReadAsync(response);
    }

    public async Task<GraphQLResponse> GetAsync(string query, object? variables = null)
    {
        var url = $"/graphql?query={Uri.EscapeDataString(query)}";
        if (variables is not null)
        {
            url += $"&variables={Uri.EscapeDataString(JsonSerializer.Serialize(variables))}";
        }

        using var response = await Http.GetAsync(url);
        return await GraphQLResponse.ReadAsync(response);
    }

    public async Task<GraphQLResponse> SendAsync(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request);
        return await GraphQLResponse.ReadAsync(response);
    }

    /// <summary>Posts and fails the test when the response carries errors.</summary>
    public async Task<JsonNode> QueryAsync(string query, object? variables = null)
    {
        var response = await PostAsync(query, variables);
        Assert.True(response.Errors is null, $"Unexpected errors: {response.Errors?.ToJsonString()}");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return response.Data!;
    }

    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}

public sealed record GraphQLResponse(HttpStatusCode Status, string? ContentType, JsonNode? Body)
{
    public JsonNode? Data => Body?["data"];

    public JsonArray? Errors => Body?["errors"] as JsonArray;

    public IEnumerable<string?> ErrorCodes => Errors?.Select(error => (string?)error?["extensions"]?["code"]) ?? [];

    public string Pretty => Body?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) ?? string.Empty;

    public static async Task<GraphQLResponse> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, text.Length == 0 ? null : JsonNode.Parse(text));
    }
}
