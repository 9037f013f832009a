using Digibank.Api.GraphQL.Relay;

namespace Digibank.Api.Tests.GraphQL;

public sealed class NodeTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private readonly GraphQLTestClient _client = api.CreateGraphQLClient();

    [Fact]
    public async Task Node_finds_an_object_again_by_its_id()
    {
        var course = (await _client.QueryAsync("{ courses(first: 1) { nodes { id title } } }"))["courses"]!["nodes"]![0]!;

        var found = await _client.QueryAsync("query ($id: ID!) { node(id: $id) { __typename id ... on Course { title } } }", new { id = (string)course["id"]! });

        Assert.Equal("Course", (string?)found["node"]!["__typename"]);
        Assert.Equal((string?)course["title"], (string?)found["node"]!["title"]);
    }

    [Fact]
    public async Task Nodes_returns_objects_of_several_types_in_the_order_asked_with_null_for_unknown_ids()
    {
        var data = await _client.QueryAsync("{ partners(first: 1) { nodes { id name } } helpPoints(first: 1) { nodes { id name } } }");
        var partner = data["partners"]!["nodes"]![0]!;
        var helpPoint = data["helpPoints"]!["nodes"]![0]!;
        var unknown = GlobalId.Encode("Course", 999_999);

        var found = await _client.QueryAsync(
            "query ($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on Partner { name } ... on HelpPoint { name } } }",
            new { ids = new[] { (string)helpPoint["id"]!, unknown, (string)partner["id"]! } });

        var nodes = found["nodes"]!.AsArray();
        Assert.Equal(3, nodes.Count);
        Assert.Equal((string?)helpPoint["name"], (string?)nodes[0]!["name"]);
        Assert.Null(nodes[1]);
        Assert.Equal((string?)partner["name"], (string?)nodes[2]!["name"]);
    }

    [Theory]
    [InlineData("plainly wrong")]
    [InlineData("UGFydGljaXBhbnQ6MQ")] // "Participant:1": not a public node type
    public async Task An_id_that_is_not_a_public_node_gets_INVALID_ID(string id)
    {
        var response = await _client.PostAsync("query ($id: ID!) { node(id: $id) { id } }", new { id });

        Assert.Equal(["INVALID_ID"], response.ErrorCodes);
    }
}
