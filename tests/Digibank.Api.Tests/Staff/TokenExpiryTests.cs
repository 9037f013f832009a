using System.Net;
using System.Net.Http.Headers;
using Digibank.Api.Tests.Dashboard;
using Digibank.Api.Tests.GraphQL.Transport;

namespace Digibank.Api.Tests.Staff;

/// <summary>
/// An expired staff token, or one that never expires, gets the same answer over HTTP (401 <c>AUTH_INVALID_TOKEN</c>) and over
/// the WebSocket (close 4403), whether the socket got it in its upgrade request or in <c>connection_init</c>; both over real sockets.
/// </summary>
public sealed class TokenExpiryTests(LoopbackApiFactory api) : IClassFixture<LoopbackApiFactory>
{
    private const int Forbidden = 4403;

    public static TheoryData<string> RefusedTokens => new() { "expired an hour ago", "expired half a minute ago", "without exp" };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task A_token_that_expired_or_never_expires_is_refused_alike_over_HTTP_and_the_WebSocket(string kind)
    {
        var now = api.ManualClock.GetUtcNow().UtcDateTime;
        var token = kind switch
        {
            "expired an hour ago" => ForgedTokens.Coordinator(now.AddHours(-1), issuedAt: now.AddHours(-5)),
            "expired half a minute ago" => ForgedTokens.Coordinator(now.AddSeconds(-30), issuedAt: now.AddHours(-5)),
            _ => ForgedTokens.Coordinator(expires: null, issuedAt: now.AddHours(-1)),
        };

        var overHttp = await PostAsync(token);
        await using var inUpgrade = await GraphQLWebSocketClient.ConnectAsync(api.GraphQLWebSocketAddress, authorization: $"Bearer {token}");
        await using var inInit = await GraphQLWebSocketClient.ConnectAsync(api.GraphQLWebSocketAddress);

        Assert.Equal((HttpStatusCode.Unauthorized, "AUTH_INVALID_TOKEN"), (overHttp.Status, overHttp.ErrorCodes.Single()));
        Assert.Equal(Forbidden, await AnswerToInitAsync(inUpgrade, initToken: null));
        Assert.Equal(Forbidden, await AnswerToInitAsync(inInit, token));
    }

    [Fact]
    public async Task A_token_stops_working_at_its_exp_on_both_transports_and_an_open_socket_is_closed_then()
    {
        var now = api.ManualClock.GetUtcNow().UtcDateTime;
        var token = ForgedTokens.Coordinator(now.AddMinutes(5), issuedAt: now);
        await using var inUpgrade = await GraphQLWebSocketClient.ConnectAsync(api.GraphQLWebSocketAddress, authorization: $"Bearer {token}");
        await using var inInit = await GraphQLWebSocketClient.ConnectAsync(api.GraphQLWebSocketAddress);
        Assert.Null(await AnswerToInitAsync(inUpgrade, initToken: null));
        Assert.Null(await AnswerToInitAsync(inInit, token));

        api.ManualClock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        var aSecondBefore = await PostAsync(token);
        var stillOpen = (await PingAsync(inUpgrade), await PingAsync(inInit));
        api.ManualClock.Advance(TimeSpan.FromSeconds(1));
        var atExp = await PostAsync(token);

        Assert.Equal(HttpStatusCode.OK, aSecondBefore.Status);
        Assert.Equal(("pong", "pong"), stillOpen);
        Assert.Equal((HttpStatusCode.Unauthorized, "AUTH_INVALID_TOKEN"), (atExp.Status, atExp.ErrorCodes.Single()));
        Assert.Equal(Forbidden, await inUpgrade.ClosedWithAsync());
        Assert.Equal(Forbidden, await inInit.ClosedWithAsync());
    }

    private async Task<GraphQLResponse> PostAsync(string token)
    {
        var client = api.CreateLoopbackGraphQLClient();
        client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.PostAsync("{ overdueLoans { totalCount } }");
    }

    /// <summary>Sends connection_init, with a token in it when given: null for the ack, or the code the socket was closed with.</summary>
    private static async Task<int?> AnswerToInitAsync(GraphQLWebSocketClient client, string? initToken)
    {
        await client.SendAsync(initToken is null ? new { type = "connection_init" } : new { type = "connection_init", payload = new { authorization = $"Bearer {initToken}" } });
        var answer = await client.ReceiveAsync();
        if (answer is null)
        {
            return (int?)client.Socket.CloseStatus;
        }

        Assert.Equal("connection_ack", (string?)answer["type"]);
        return null;
    }

    private static async Task<string?> PingAsync(GraphQLWebSocketClient client)
    {
        await client.SendAsync(new { type = "ping" });
        return (string?)(await client.ReceiveAsync())?["type"];
    }
}
