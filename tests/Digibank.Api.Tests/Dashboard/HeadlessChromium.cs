using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Digibank.Api.Tests.Dashboard;

/// <summary>
/// Debian's Chromium driven by Playwright for the browser tests of the dashboard and the IDE, launched on first use
/// with the flags this machine's closed network needs, and closed with the test class.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    /// <summary>Waits end as soon as the page is there; the bound is for a machine whose two cores run all three test projects.</summary>
    public const float Patience = 30_000;

    private static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task<IBrowser> BrowserAsync()
    {
        if (_browser is null)
        {
            Assertions.SetDefaultExpectTimeout(Patience);
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = ChromiumFactAttribute.ExecutablePath,
                Headless = true,
                ChromiumSandbox = false,
                Args = Args,
            });
        }

        return _browser;
    }

    /// <summary>
    /// Passes the page's GraphQL WebSocket through to the real server, shows each message the page sends to
    /// <paramref name="sentByPage"/>, and completes the returned task when the server has subscribed it. graphql-transport-ws
    /// has no acknowledgement of a subscribe, but the server handles a connection's messages in order: its answer to a
    /// ping sent right behind the page's subscribe means the subscription is in place.
    /// </summary>
    public static async Task<Task> PassGraphQLSocketThroughAsync(IPage page, Action<JsonNode>? sentByPage = null)
    {
        var subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteWebSocketAsync("**/graphql", socket =>
        {
            var server = socket.ConnectToServer();
            socket.OnMessage(frame =>
            {
                server.Send(frame.Text!);
                if (JsonNode.Parse(frame.Text!) is not { } message)
                {
                    return;
                }

                sentByPage?.Invoke(message);
                if ((string?)message["type"] == "subscribe")
                {
                    server.Send("""{"type":"ping","payload":{"probe":"subscribed"}}""");
                }
            });
            server.OnMessage(frame =>
            {
                var message = JsonNode.Parse(frame.Text!);
                if ((string?)message?["type"] == "pong" && (string?)message["payload"]?["probe"] == "subscribed")
                {
                    subscribed.TrySetResult();
                    return;
                }

                socket.Send(frame.Text!);
            });
        });
        return subscribed.Task;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
