using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Digibank.Api.Tests.GraphQL.Transport;

/// <summary>
/// The audit suite of graphql-http, the reference implementation of the GraphQL-over-HTTP specification, run
/// from Node.js against the API on Kestrel on 127.0.0.1, as a partner's client library would meet it.
/// </summary>
public sealed class GraphQLOverHttpAuditTests(LoopbackApiFactory api, ITestOutputHelper output) : IClassFixture<LoopbackApiFactory>
{
    [GraphQLHttpAuditFact]
    public async Task Every_MUST_and_SHOULD_of_the_specification_passes()
    {
        var results = await NodeScripts.RunAsync(GraphQLHttpAuditFactAttribute.Folder, "audit.js", new Uri(api.HttpAddress, "/graphql").ToString());
        foreach (var result in results)
        {
            output.WriteLine($"{(string?)result["status"],-6} {(string?)result["name"]} {(string?)result["reason"]}");
        }

        Assert.Equal(13, Count(results, "MUST"));
        Assert.Equal(23, Count(results, "SHOULD"));
        Assert.Empty(results.Where(result => !((string)result["name"]!).StartsWith("MAY", StringComparison.Ordinal) && (string?)result["status"] != "ok")
            .Select(result => $"{result["name"]}: {result["reason"]}"));
    }

    private static int Count(List<JsonNode> results, string requirement) =>
        results.Count(result => ((string)result["name"]!).StartsWith(requirement + " ", StringComparison.Ordinal));
}

public sealed class GraphQLHttpAuditFactAttribute() : NodeScriptFactAttribute(Folder, "graphql-http")
{
    public const string Folder = "GraphQL/Transport/http-audit";
}
