using Microsoft.Extensions.DependencyInjection;
using Digibank.Api.Regions;
using Digibank.Api.Staff;

namespace Digibank.Api.Tests.Dashboard;

public sealed class GraphQLWebSocketProtocolTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    [Fact]
    public async Task Init_is_acknowledged_and_ping_gets_pong_with_its_payload()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(api);

        await client.SendAsync(new { type = "ping", payload = new { at = "now" } });
        var pong = await client.ReceiveAsync();

        Assert.Equal("pong", (string?)pong!["type"]);
        Assert.Equal("now", (string?)pong["payload"]!["at"]);
    }

    [Fact]
    public async Task Without_connection_init_the_server_closes_with_4408()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAsync(api);

        Assert.Equal(4408, await client.ClosedWithAsync());
    }

    [Fact]
    public async Task A_second_connection_init_closes_with_4429()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(api);

        await client.SendAsync(new { type = "connection_init" });

        Assert.Equal(4429, await client.ClosedWithAsync());
    }

    [Fact]
    public async Task Subscribing_before_the_ack_closes_with_4401()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAsync(api);

        await client.SendAsync(new { id = "1", type = "subscribe", payload = new { query = "{ municipalities { totalCount } }" } });

        Assert.Equal(4401, await client.ClosedWithAsync());
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("""{"type":"shout"}""")]
    [InlineData("""{"type":"subscribe","payload":{"query":"{ __typename }"}}""")]
    [InlineData("[1,2,3]")]
    public async Task A_message_that_breaks_the_protocol_closes_with_4400(string message)
    {
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(api);

        await client.SendTextAsync(message);

        Assert.Equal(4400, await client.ClosedWithAsync());
    }

    [Fact]
    public async Task A_second_subscriber_with_the_same_id_closes_with_4409()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(api);
        await client.SubscribeAsync("same", "subscription { dashboardEvents { kind } }");

        await client.SendAsync(new { id = "same", type = "subscribe", payload = new { query = "subscription { loanChanged { kind } }" } });

        Assert.Equal(4409, await client.ClosedWithAsync());
    }

    [Fact]
    public async Task A_client_without_the_subprotocol_is_closed_with_4406()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAsync(api, subProtocol: null);

        Assert.Equal(4406, await client.ClosedWithAsync());
    }

    [Fact]
    public async Task A_token_that_does_not_validate_closes_with_4403()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAsync(api);

        await client.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer forged.token.here" } });

        Assert.Equal(4403, await client.ClosedWithAsync());
    }

    [Fact]
    public async Task A_token_under_an_HTTP_style_Authorization_key_signs_the_socket_in()
    {
        var token = api.Services.GetRequiredService<StaffTokens>().Mint("c", "Coördinator", StaffRole.Coordinator, Region.FirstRegionId, []);
        await using var client = await GraphQLWebSocketClient.ConnectAsync(api);

        await client.SendAsync(new { type = "connection_init", payload = new { Authorization = $"Bearer {token}" } });
        Assert.Equal("connection_ack", (string?)(await client.ReceiveAsync())!["type"]);
        await client.SendAsync(new { id = "q", type = "subscribe", payload = new { query = "{ helpRequests(first: 1) { totalCount } }" } });
        var next = await client.NextAsync("q");

        Assert.Null(next["payload"]!["errors"]);
        Assert.NotNull(next["payload"]!["data"]!["helpRequests"]);
    }

    [Fact]
    public async Task Queries_and_mutations_work_over_the_socket_and_end_with_complete()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(api);

        await client.SendAsync(new { id = "q", type = "subscribe", payload = new { query = "{ municipalities { totalCount } }" } });
        var next = await client.NextAsync("q");
        var complete = await client.NextAsync("q", "complete");
        await client.SendAsync(new { id = "m", type = "subscribe", payload = new { query = "mutation { cancelSignUp(input: { signUpId: \"bm8\" }) { errors { ... on Error { code } } } }" } });
        var mutation = await client.NextAsync("m");

        Assert.Equal(4, (int)next["payload"]!["data"]!["municipalities"]!["totalCount"]!);
        Assert.Equal("complete", (string?)complete["type"]);
        Assert.Equal("INVALID_INPUT", (string?)mutation["payload"]!["data"]!["cancelSignUp"]!["errors"]![0]!["code"]);
    }

    [Fact]
    public async Task An_invalid_document_gets_an_error_message_and_the_connection_stays()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(api);

        await client.SendAsync(new { id = "bad", type = "subscribe", payload = new { query = "subscription { nothingHere }" } });
        var error = await client.NextAsync("bad", "error");
        await client.SendAsync(new { type = "ping" });

        Assert.NotEmpty(error["payload"]!.AsArray());
        Assert.Equal("pong", (string?)(await client.ReceiveAsync())!["type"]);
    }

    [Fact]
    public async Task Completing_a_subscription_stops_its_events()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(api, api.Services.GetRequiredService<StaffTokens>().Mint("c", "Coördinator", StaffRole.Coordinator, Region.FirstRegionId, []));
        await client.SubscribeAsync("s", "subscription { dashboardEvents { kind } }");

        await client.SendAsync(new { id = "s", type = "complete" });
        await client.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (string?)(await client.ReceiveAsync())!["type"]);
        await Courses.TestCourses.AddAsync(api, capacity: 1);
        await client.SendAsync(new { id = "s", type = "subscribe", payload = new { query = "{ __typename }" } });

        Assert.Equal("Query", (string?)(await client.NextAsync("s"))["payload"]!["data"]!["__typename"]);
    }
}
