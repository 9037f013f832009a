using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Digibank.Bench;

/// <summary>The baseline: a bare Kestrel WebSocket endpoint that sends the same bytes to every client.</summary>
internal sealed class RawBroadcastServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<WebSocket> _clients = [];

    private RawBroadcastServer(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    public static async Task<RawBroadcastServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new RawBroadcastServer(app);
        app.UseWebSockets();
        app.Map("/raw", async (HttpContext context) =>
        {
            var socket = await context.WebSockets.AcceptWebSocketAsync();
            lock (server._clients)
            {
                server._clients.Add(socket);
            }

            var buffer = new byte[64];
            while (socket.State == WebSocketState.Open)
            {
                try
                {
                    await socket.ReceiveAsync(buffer, CancellationToken.None);
                }
                catch (WebSocketException)
                {
                    break;
                }
            }
        });
        await app.StartAsync();
        server.Address = new Uri(app.Urls.First().Replace("http://", "ws://", StringComparison.Ordinal) + "/raw");
        return server;
    }

    public Task BroadcastAsync(byte[] message)
    {
        WebSocket[] clients;
        lock (_clients)
        {
            clients = [.. _clients];
        }

        return Task.WhenAll(clients.Select(client => client.SendAsync(message, WebSocketMessageType.Text, true, CancellationToken.None)));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
