using System.Net.WebSockets;

namespace Digibank.Api.GraphQL.Transport;

/// <summary>
/// A WebSocket takes one send at a time: every message of a connection, the close frame last, goes out through this
/// one sender, in the order given. The caller that finds it idle sends on its own thread, as a plain broadcast loop
/// would, and goes on as soon as the socket has taken the message; only a socket that cannot take it at once (a slow
/// client) continues on the thread pool while the messages behind it wait. Without that, an event for a thousand
/// subscribers cost a thousand thread-pool hops before the first byte moved, and the last subscriber waited for all.
/// </summary>
internal sealed class WebSocketSender(WebSocket socket, int capacity)
{
    private readonly Lock _gate = new();
    private readonly Queue<byte[]> _waiting = new();
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _sending;
    private bool _closed;
    private (int Code, string Reason)? _closeFrame;
    private CancellationToken _closeTimeout;

    /// <summary>Ends when the sender has stopped: after the close frame, or when the socket failed.</summary>
    public Task Finished => _finished.Task;

    /// <summary>Checked before each message goes out; a message that must not go out (the token expired) closes instead.</summary>
    public Func<bool> MaySend { get; init; } = () => true;

    /// <summary>Called instead of a message that <see cref="MaySend"/> held back.</summary>
    public Action Refused { get; init; } = () => { };

    /// <summary>
    /// Queues <paramref name="message"/> and sends it at once when nothing else is on its way. False when the client
    /// stopped reading (as many messages wait as the capacity it was made with); a message for a closing socket is dropped.
    /// </summary>
    public bool TrySend(byte[] message)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return true;
            }

            if (_waiting.Count >= capacity)
            {
                return false;
            }

            _waiting.Enqueue(message);
            if (_sending)
            {
                return true;
            }

            _sending = true;
        }

        _ = SendWaitingAsync();
        return true;
    }

    /// <summary>
    /// Stops sending: what still waits is dropped, the message on its way finishes, then <paramref name="closeFrame"/>
    /// (if any) goes out. <paramref name="closeTimeout"/> bounds how long the close frame may take.
    /// </summary>
    public void Close((int Code, string Reason)? closeFrame, CancellationToken closeTimeout)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            (_closed, _closeFrame, _closeTimeout) = (true, closeFrame, closeTimeout);
            _waiting.Clear();
            if (_sending)
            {
                // The send on its way ends the loop, which then sends the close frame.
                return;
            }

            _sending = true;
        }

        _ = SendWaitingAsync();
    }

    private async Task SendWaitingAsync()
    {
        try
        {
            while (true)
            {
                var (message, closing) = Next();
                if (closing)
                {
                    break;
                }

                if (message is null)
                {
                    return;
                }

                if (!MaySend())
                {
                    Refused();
                    continue;
                }

                await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The client is gone: nothing more can go out, the close frame neither.
            lock (_gate)
            {
                (_closed, _closeFrame) = (true, null);
                _waiting.Clear();
            }

            _finished.TrySetResult();
            return;
        }
        catch (Exception exception)
        {
            // Not the client going away: the connection's run ends with it, as it would have from its own await.
            lock (_gate)
            {
                (_closed, _closeFrame) = (true, null);
                _waiting.Clear();
            }

            _finished.TrySetException(exception);
            return;
        }

        await SendCloseFrameAsync();
        _finished.TrySetResult();
    }

    /// <summary>
    /// The next message to send; no message when there is none, and then the sender is idle again (the next
    /// <see cref="TrySend"/> sends), or when it closed, and then this loop, still the only sender, sends the close frame.
    /// </summary>
    private (byte[]? Message, bool Closing) Next()
    {
        lock (_gate)
        {
            if (_closed)
            {
                return (null, true);
            }

            if (_waiting.TryDequeue(out var message))
            {
                return (message, false);
            }

            _sending = false;
            return (null, false);
        }
    }

    private async Task SendCloseFrameAsync()
    {
        if (_closeFrame is not { } close || socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)close.Code, close.Reason, _closeTimeout);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The client is gone, or did not take the close frame in time.
        }
    }
}
