using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Digibank.Api.Tests.Dashboard;

/// <summary>A graphql-transport-ws client over the test server's WebSocket, with bounded waits.</summary>
public sealed class GraphQLWebSocketClient(WebSocket socket) : IAsyncDisposable
{
    // Generous: a wait ends as soon as the message is there; the bound is for a machine running all three test projects on two cores.
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public WebSocket Socket { get; } = socket;

    public static async Task<GraphQLWebSocketClient> ConnectAsync(DigibankApiFactory api, string? subProtocol = "graphql-transport-ws")
    {
        var client = api.Server.CreateWebSocketClient();
        if (subProtocol is not null)
        {
            client.SubProtocols.Add(subProtocol);
        }

        var socket = await client.ConnectAsync(new Uri(api.Server.BaseAddress, "graphql"), CancellationToken.None);
        return new GraphQLWebSocketClient(socket);
    }

    /// <summary>A real client over a real socket, for the API on Kestrel; <paramref name="authorization"/> goes in the upgrade request's header.</summary>
    public static async Task<GraphQLWebSocketClient> ConnectAsync(Uri address, string subProtocol = "graphql-transport-ws", HttpMessageInvoker? invoker = null, string? authorization = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(subProtocol);
        if (authorization is not null)
        {
            socket.Options.SetRequestHeader("Authorization", authorization);
        }

        using var timeout = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(address, invoker, timeout.Token);
        return new GraphQLWebSocketClient(socket);
    }

    /// <summary>Connects, sends connection_init (with a token when given) and waits for the ack.</summary>
    public static async Task<GraphQLWebSocketClient> ConnectAndInitAsync(DigibankApiFactory api, string? token = null)
    {
        var client = await ConnectAsync(api);
        await client.SendAsync(token is null ? new { type = "connection_init" } : new { type = "connection_init", payload = new { authorization = $"Bearer {token}" } });
        Assert.Equal("connection_ack", (string?)(await client.ReceiveAsync())!["type"]);
        return client;
    }

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    public Task SendTextAsync(string text) =>
        Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    public async Task SubscribeAsync(string id, string query, object? variables = null)
    {
        await SendAsync(new { id, type = "subscribe", payload = new { query, variables } });
        // The protocol has no ack for subscribe; messages are handled in order, so a pong means it is in place.
        await SendAsync(new { type = "ping" });
        var message = await ReceiveAsync();
        Assert.True((string?)message!["type"] == "pong", $"Expected pong after subscribing, got {message.ToJsonString()}");
    }

    /// <summary>The next message, or null when the server closed the socket.</summary>
    public async Task<JsonNode?> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? Patience);
        var buffer = new byte[64 * 1024];
        using var text = new MemoryStream();
        while (true)
        {
            var result = await Socket.ReceiveAsync(buffer, cancel.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            text.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(text.ToArray());
            }
        }
    }

    /// <summary>Reads until the server closes and returns its close code.</summary>
    public async Task<int?> ClosedWithAsync(TimeSpan? timeout = null)
    {
        while (await ReceiveAsync(timeout) is not null)
        {
        }

        return (int?)Socket.CloseStatus;
    }

    /// <summary>The next message with the given id and type, skipping others.</summary>
    public async Task<JsonNode> NextAsync(string id, string type = "next")
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var message = await ReceiveAsync(deadline - DateTime.UtcNow);
            Assert.NotNull(message);
            if ((string?)message["id"] == id && (string?)message["type"] == type)
            {
                return message;
            }
        }

        throw new TimeoutException($"No '{type}' for {id} within {Patience.TotalSeconds} s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (Socket.State == WebSocketState.Open)
        {
            try
            {
                await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
            }
            catch (IOException)
            {
                // The server closed at the same moment.
            }
        }

        Socket.Dispose();
    }
}
