using Snapshooter.Xunit;

namespace Digibank.Api.Tests.Partners;

public sealed class PartnerQueryTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private readonly GraphQLTestClient _client = api.CreateGraphQLClient();

    [Fact]
    public async Task The_network_partners_are_listed_by_name()
    {
        var data = await _client.QueryAsync("{ partners(first: 50) { totalCount nodes { code name kind website } } }");

        Snapshot.Match(data.ToJsonString(new() { WriteIndented = true }));
    }

    [Fact]
    public async Task Libraries_are_found_by_kind_and_partial_name()
    {
        var data = await _client.QueryAsync("""
            { partners(where: { kind: { eq: LIBRARY }, name: { startsWith: "bibliotheek" } }) { nodes { code kind } } }
            """);

        var nodes = data["partners"]!["nodes"]!.AsArray();
        Assert.Contains(nodes, node => (string?)node!["code"] == "bib-poperinge");
        Assert.All(nodes, node => Assert.Equal("LIBRARY", (string?)node!["kind"]));
    }
}
