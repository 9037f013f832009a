using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;

namespace Digibank.Bench;

/// <summary>Many WebSocket clients, each counting the messages it gets; one event's latency is the last arrival.</summary>
internal sealed class WebSocketSubscribers : IAsyncDisposable
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(20);

    private readonly List<ClientWebSocket> _sockets = [];
    private readonly List<Task> _readers = [];
    private readonly long[] _lastArrival;
    private readonly int[] _arrivals;
    private readonly CancellationTokenSource _stop = new();

    private WebSocketSubscribers(int events)
    {
        _lastArrival = new long[events + 3];
        _arrivals = new int[events + 3];
    }

    public string? LastMessage { get; private set; }

    public static async Task<WebSocketSubscribers> ConnectAsync(Uri address, int count, string? subProtocol, int events)
    {
        var subscribers = new WebSocketSubscribers(events);
        for (var index = 0; index < count; index++)
        {
            var socket = new ClientWebSocket();
            if (subProtocol is not null)
            {
                socket.Options.AddSubProtocol(subProtocol);
            }

            await socket.ConnectAsync(address, CancellationToken.None);
            if (subProtocol is not null)
            {
                await SendAsync(socket, """{"type":"connection_init"}""");
                await ReceiveAsync(socket, CancellationToken.None);
                await SendAsync(socket, """{"id":"1","type":"subscribe","payload":{"query":"subscription { signUpChanged { kind at summary } }"}}""");
                await SendAsync(socket, """{"type":"ping"}""");
                await ReceiveAsync(socket, CancellationToken.None); // pong: the subscription is in place
            }

            subscribers._sockets.Add(socket);
        }

        subscribers._readers.AddRange(subscribers._sockets.Select(subscribers.ReadAsync));
        return subscribers;
    }

    public async Task<double> MeasureAsync(int eventIndex, Func<Task> trigger)
    {
        var start = Stopwatch.GetTimestamp();
        await trigger();
        var deadline = DateTime.UtcNow + EventTimeout;
        while (Volatile.Read(ref _arrivals[eventIndex]) < _sockets.Count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Only {_arrivals[eventIndex]} of {_sockets.Count} subscribers got event {eventIndex}.");
            }

            await Task.Delay(1);
        }

        return Stopwatch.GetElapsedTime(start, Interlocked.Read(ref _lastArrival[eventIndex])).TotalMilliseconds;
    }

    private async Task ReadAsync(ClientWebSocket socket)
    {
        var received = 0;
        try
        {
            while (received < _arrivals.Length)
            {
                var message = await ReceiveAsync(socket, _stop.Token);
                var now = Stopwatch.GetTimestamp();
                LastMessage = message;
                long seen;
                do
                {
                    seen = Interlocked.Read(ref _lastArrival[received]);
                }
                while (now > seen && Interlocked.CompareExchange(ref _lastArrival[received], now, seen) != seen);

                Interlocked.Increment(ref _arrivals[received]);
                received++;
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // Stopped.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var socket in _sockets)
        {
            socket.Abort();
            socket.Dispose();
        }

        await Task.WhenAll(_readers);
        _stop.Dispose();
    }

    private static Task SendAsync(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<string> ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var text = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException("closed");
            }

            text.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(text.ToArray());
            }
        }
    }
}
