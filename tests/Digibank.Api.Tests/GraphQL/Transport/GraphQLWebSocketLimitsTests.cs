using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Digibank.Api.Dashboard;
using Digibank.Api.GraphQL.Transport;
using Digibank.Api.Participants;
using Digibank.Api.Regions;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Digibank.Api.Tests.GraphQL.Transport;

/// <summary>The WebSocket transport against hostile and slow clients, over real sockets on Kestrel.</summary>
public sealed class GraphQLWebSocketLimitsTests(LoopbackApiFactory api, ITestOutputHelper output) : IClassFixture<LoopbackApiFactory>
{
    private const int AbnormalClosure = 1006;
    private const string PersonalEvents = "subscription { dashboardEvents { kind participant { firstName } } }";

    [Fact]
    public async Task When_the_staff_token_expires_the_socket_is_closed_with_4403()
    {
        var token = MintCoordinatorToken(validFor: TimeSpan.FromMinutes(5));
        await using var client = await ConnectAndInitAsync(token);
        await client.SubscribeAsync("s", PersonalEvents);
        var participantId = await SomeParticipantIdAsync();
        Publish(new DashboardEvent(DashboardEventKind.SignUp, DigibankApiFactory.Now.UtcDateTime, "Inschrijving", ParticipantId: participantId, RegionId: Region.FirstRegionId));
        Assert.NotNull((await client.NextAsync("s"))["payload"]!["data"]!["dashboardEvents"]!["participant"]);

        api.ManualClock.Advance(TimeSpan.FromMinutes(6));
        var closed = await ReadUntilClosedAsync(client);

        Assert.Equal(4403, closed.Code);
        Assert.Contains("expired", closed.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(closed.Messages, message => (string?)message["type"] == "next");
    }

    [Fact]
    public async Task An_event_after_the_token_expired_is_not_delivered_even_when_the_expiry_timer_is_late()
    {
        var token = MintCoordinatorToken(validFor: TimeSpan.FromMinutes(5));
        await using var client = await ConnectAndInitAsync(token);
        await client.SubscribeAsync("s", PersonalEvents);
        var participantId = await SomeParticipantIdAsync();

        api.ManualClock.JumpTo(api.ManualClock.GetUtcNow() + TimeSpan.FromMinutes(6));
        Publish(new DashboardEvent(DashboardEventKind.SignUp, DigibankApiFactory.Now.UtcDateTime, "Inschrijving", ParticipantId: participantId, RegionId: Region.FirstRegionId));
        var closed = await ReadUntilClosedAsync(client);

        Assert.Equal(4403, closed.Code);
        Assert.DoesNotContain(closed.Messages, message => (string?)message["type"] == "next");
    }

    [Fact]
    public async Task Without_connection_init_a_real_client_gets_the_close_frame_4408()
    {
        await using var client = await ConnectAsync();

        var closed = await ReadUntilClosedAsync(client);

        Assert.Equal(4408, closed.Code);
    }

    [Fact]
    public async Task A_legacy_graphql_ws_client_completes_the_handshake_and_is_told_to_use_graphql_transport_ws()
    {
        await using var client = await ConnectAsync("graphql-ws");

        var closed = await ReadUntilClosedAsync(client);

        // Browsers fail a handshake whose answer names none of the subprotocols they offered, and report 1006.
        Assert.Equal("graphql-ws", client.Socket.SubProtocol);
        Assert.Equal(4406, closed.Code);
        Assert.Contains(GraphQLWebSocketEndpoint.SubProtocol, closed.Reason, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public async Task A_browser_offering_only_graphql_ws_sees_4406_and_the_subprotocol_to_use()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumFactAttribute.ExecutablePath, Args = ["--headless", "--no-sandbox", "--disable-gpu"] });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(api.HttpAddress.ToString());

        var closed = await page.EvaluateAsync<JsonElement>("""
            url => new Promise(resolve => {
              const socket = new WebSocket(url, 'graphql-ws');
              socket.onclose = event => resolve({ code: event.code, reason: event.reason });
            })
            """, api.GraphQLWebSocketAddress.ToString());

        Assert.Equal(4406, closed.GetProperty("code").GetInt32());
        Assert.Contains(GraphQLWebSocketEndpoint.SubProtocol, closed.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_subscription_over_the_limit_gets_an_error_and_the_socket_stays_usable()
    {
        var limit = new GraphQLTransportOptions().MaxSubscriptionsPerSocket;
        await using var client = await ConnectAndInitAsync();
        for (var i = 0; i < limit; i++)
        {
            await client.SendAsync(new { id = $"s{i}", type = "subscribe", payload = new { query = "subscription { dashboardEvents { kind } }" } });
        }

        await client.SendAsync(new { id = "one-too-many", type = "subscribe", payload = new { query = "subscription { dashboardEvents { kind } }" } });
        var error = await client.NextAsync("one-too-many", "error");
        await client.SendAsync(new { id = "s0", type = "complete" });
        await client.SendAsync(new { id = "one-too-many", type = "subscribe", payload = new { query = "{ __typename }" } });
        var next = await client.NextAsync("one-too-many");

        Assert.Equal("TOO_MANY_SUBSCRIPTIONS", (string?)error["payload"]![0]!["extensions"]!["code"]);
        Assert.Contains(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)error["payload"]![0]!["message"], StringComparison.Ordinal);
        Assert.Equal("Query", (string?)next["payload"]!["data"]!["__typename"]);
    }

    [Fact]
    public async Task A_client_that_stops_reading_is_closed_and_its_subscriptions_freed_while_others_keep_receiving()
    {
        const int MaxEvents = 1000;
        const int Batch = LoopbackApiFactory.OutboxCapacity / 4;
        var shared = api.Services.GetRequiredService<SharedSubscriptions>();
        using var smallWindow = SmallReceiveWindow();
        await using var reader = await ConnectAndInitAsync();
        await using var stalled = await ConnectAndInitAsync(invoker: smallWindow);
        await reader.SubscribeAsync("r", "subscription Reader { dashboardEvents { kind } }");
        await stalled.SubscribeAsync("s", "subscription Stalled { dashboardEvents { summary } }");
        var runningWithBoth = shared.Running;
        using var readerGotOne = new SemaphoreSlim(0);
        var readerReceives = CountEventsAsync(reader, "r", readerGotOne, MaxEvents + 1);

        // 16 kB an event for the stalled client: soon more than its socket, Kestrel and its outbox hold. Events go
        // out in batches the reading client keeps up with, so only the stalled one falls behind.
        var filler = new DashboardEvent(DashboardEventKind.PartnerSync, DigibankApiFactory.Now.UtcDateTime, new string('x', 16 * 1024));
        var published = 0;
        while (published + Batch <= MaxEvents && shared.Running == runningWithBoth)
        {
            for (var i = 0; i < Batch; i++)
            {
                Publish(filler);
            }

            published += Batch;
            for (var i = 0; i < Batch; i++)
            {
                Assert.True(await readerGotOne.WaitAsync(GraphQLWebSocketClient.Patience), $"The reading client fell behind after {published} events.");
            }
        }

        var freed = await WaitUntilAsync(() => shared.Running == runningWithBoth - 1, TimeSpan.FromMinutes(1));
        Assert.True(freed, $"The stalled client's subscription still runs after {published} events ({shared.Running} running, {runningWithBoth} with both).");
        output.WriteLine($"Published {published} events before the stalled client was closed.");
        Publish(filler with { Kind = DashboardEventKind.Return, Summary = "last" });
        Assert.Equal(published, await readerReceives);
        var closed = await ReadUntilClosedAsync(stalled, maxMessages: published + 1);

        Assert.Equal((int)WebSocketCloseStatus.PolicyViolation, closed.Code);
        Assert.Contains("not reading", closed.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.True(closed.Messages.Count < published, $"The stalled client got all {published} events.");
    }

    private string MintCoordinatorToken(TimeSpan validFor) =>
        api.Services.GetRequiredService<StaffTokens>().Mint("test:ws", "Griet", StaffRole.Coordinator, Region.FirstRegionId, [], validFor: validFor);

    private void Publish(DashboardEvent dashboardEvent) =>
        api.Services.GetRequiredService<DashboardEvents>().Publish([dashboardEvent]);

    private async Task<int> SomeParticipantIdAsync()
    {
        await using var db = api.CreateDbContext();
        return await db.Participants.Where(p => p.FirstName != null && p.ErasedAt == null).Select(p => p.Id).FirstAsync();
    }

    private Task<GraphQLWebSocketClient> ConnectAsync(string subProtocol = GraphQLWebSocketEndpoint.SubProtocol, HttpMessageInvoker? invoker = null) =>
        GraphQLWebSocketClient.ConnectAsync(api.GraphQLWebSocketAddress, subProtocol, invoker);

    private async Task<GraphQLWebSocketClient> ConnectAndInitAsync(string? token = null, HttpMessageInvoker? invoker = null)
    {
        var client = await ConnectAsync(invoker: invoker);
        await client.SendAsync(token is null ? new { type = "connection_init" } : new { type = "connection_init", payload = new { authorization = $"Bearer {token}" } });
        Assert.Equal("connection_ack", (string?)(await client.ReceiveAsync())!["type"]);
        return client;
    }

    /// <summary>A connection whose receive buffer stays small, so a client that stops reading pushes back at once.</summary>
    private static HttpMessageInvoker SmallReceiveWindow() => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 16 * 1024, NoDelay = true };
            try
            {
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    });

    /// <summary>Reads everything up to the close frame; a connection dropped without one is reported as 1006, as browsers do.</summary>
    private static async Task<Closed> ReadUntilClosedAsync(GraphQLWebSocketClient client, int maxMessages = 100)
    {
        var messages = new List<JsonNode>();
        try
        {
            while (messages.Count <= maxMessages && await client.ReceiveAsync() is { } message)
            {
                messages.Add(message);
            }
        }
        catch (WebSocketException)
        {
            return new Closed(AbnormalClosure, null, messages);
        }

        return new Closed((int?)client.Socket.CloseStatus, client.Socket.CloseStatusDescription, messages);
    }

    /// <summary>Counts the client's PARTNER_SYNC events, signalling each, until the RETURN event that ends the test.</summary>
    private static async Task<int> CountEventsAsync(GraphQLWebSocketClient client, string id, SemaphoreSlim gotOne, int maxMessages)
    {
        var received = 0;
        // Waits longer than the test may take to see the stalled client freed: a reader that gave up would free its own subscription.
        for (var read = 0; read < maxMessages && await client.ReceiveAsync(TimeSpan.FromMinutes(3)) is { } message; read++)
        {
            if ((string?)message["id"] != id || (string?)message["type"] != "next")
            {
                continue;
            }

            if ((string?)message["payload"]!["data"]!["dashboardEvents"]!["kind"] == "RETURN")
            {
                break;
            }

            received++;
            gotOne.Release();
        }

        return received;
    }

    private static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        return true;
    }

    private sealed record Closed(int? Code, string? Reason, List<JsonNode> Messages);
}
