namespace Digibank.Api.Tests.Municipalities;

public sealed class MunicipalityQueryTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private readonly GraphQLTestClient _client = api.CreateGraphQLClient();

    [Fact]
    public async Task Towns_list_their_sections()
    {
        var data = await _client.QueryAsync("{ municipalities { nodes { name sections { name postalCode } } } }");

        var towns = data["municipalities"]!["nodes"]!.AsArray().ToDictionary(
            town => (string)town!["name"]!,
            town => town!["sections"]!.AsArray().Select(section => (string)section!["name"]!).ToList());
        Assert.Contains("Krombeke", towns["Poperinge"]);
        Assert.Contains("Kemmel", towns["Heuvelland"]);
        Assert.Contains("Westvleteren", towns["Vleteren"]);
        Assert.Equal(["Mesen"], towns["Mesen"]);
    }

    [Fact]
    public async Task Towns_sort_by_postal_code_descending()
    {
        var data = await _client.QueryAsync("{ municipalities(order: [{ postalCode: DESC }]) { nodes { postalCode } } }");

        var codes = data["municipalities"]!["nodes"]!.AsArray().Select(town => (string)town!["postalCode"]!).ToList();
        Assert.Equal(codes.OrderDescending(), codes);
    }
}
