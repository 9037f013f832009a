using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Reactive.Linq;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Digibank.Api.GraphQL.TrustedDocuments;
using Digibank.Api.Staff;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;

namespace Digibank.Api.GraphQL.Transport;

/// <summary>
/// One graphql-transport-ws connection: reads the client's messages one at a time, runs their operations, and sends
/// everything through one <see cref="WebSocketSender"/>.
/// </summary>
internal sealed class GraphQLWebSocketConnection(
    WebSocket socket,
    HttpContext http,
    IDocumentExecuter<ISchema> executer,
    IGraphQLTextSerializer serializer,
    StaffTokens tokens,
    SessionEndings sessionEndings,
    SharedSubscriptions shared,
    ActiveSubscriptions active,
    TrustedDocumentStore trustedDocuments,
    GraphQLTransportOptions options,
    TimeProvider clock,
    ILogger logger)
{
    private const string TokenExpired = "Forbidden: token expired";

    private readonly ConcurrentDictionary<string, IDisposable?> _operations = new(StringComparer.Ordinal);
    // Not linked to RequestAborted: the test server ends the upgrade request while the socket lives on.
    private readonly CancellationTokenSource _ended = new();
    // Cancelled when closing starts: stops the queries still running.
    private readonly CancellationTokenSource _closing = new();
    // Cancelling a receive or a send aborts the socket without a close frame, so only the close timeout does.
    private readonly CancellationTokenSource _abort = new();
    private ClaimsPrincipal _user = new(new ClaimsIdentity());
    private int _initRequests;
    private volatile bool _acknowledged;
    private int _closeRequested;
    private WebSocketSender? _sender;
    private TokenExpiry? _expiry;

    private bool IsClosing => Volatile.Read(ref _closeRequested) != 0;

    // Made on first use, as its checks need the connection; a sender made twice in a race is dropped unused.
    private WebSocketSender Sender => LazyInitializer.EnsureInitialized(ref _sender, () => new WebSocketSender(socket, options.WebSocketOutboxCapacity)
    {
        MaySend = () => !TokenHasExpired,
        Refused = () => Close(GraphQLWebSocketEndpoint.CloseCodes.Forbidden, TokenExpired),
    });

    private TokenExpiry Expiry => LazyInitializer.EnsureInitialized(ref _expiry, () => new TokenExpiry(tokens, sessionEndings, clock, () => Close(GraphQLWebSocketEndpoint.CloseCodes.Forbidden, TokenExpired)));

    private bool TokenHasExpired => Expiry.HasExpired;

    public async Task RunAsync()
    {
        _ = CloseWithoutInitAsync();
        var abortSocket = _abort.Token.Register(socket.Abort);
        try
        {
            await ReadLoopAsync();
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
        {
            // The client went away, or did not finish the close handshake in time.
        }
        finally
        {
            Close(null);
            await Sender.Finished;
            await abortSocket.DisposeAsync();
            await _ended.CancelAsync();
            _expiry?.Dispose();
        }
    }

    // The sender sends the close frame once its current send is done, and the read loop waits for the client's
    // close frame: ending the request sooner would reset the connection, and the client would see 1006.
    public void Close(int code, string reason) => Close((code, reason));

    private void Close((int Code, string Reason)? closeFrame)
    {
        if (Interlocked.Exchange(ref _closeRequested, 1) != 0)
        {
            return;
        }

        _abort.CancelAfter(options.WebSocketCloseTimeout);
        _closing.Cancel();
        Sender.Close(closeFrame, _abort.Token);
        _expiry?.Dispose();
        foreach (var id in _operations.Keys)
        {
            if (_operations.TryRemove(id, out var operation))
            {
                operation?.Dispose();
            }
        }
    }

    private async Task CloseWithoutInitAsync()
    {
        try
        {
            await Task.Delay(GraphQLWebSocketEndpoint.ConnectionInitWaitTimeout, _ended.Token);
            if (Volatile.Read(ref _initRequests) == 0)
            {
                Close(GraphQLWebSocketEndpoint.CloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended first.
        }
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(4096), _abort.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                Close((int)WebSocketCloseStatus.NormalClosure, "Bye");
                return;
            }

            // After our close frame only the client's matters; whatever else it sends is dropped unread.
            if (IsClosing)
            {
                buffer.ResetWrittenCount();
                continue;
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > GraphQLWebSocketEndpoint.MaxMessageBytes)
            {
                Close(GraphQLWebSocketEndpoint.CloseCodes.BadRequest, "Message too large");
                buffer.ResetWrittenCount();
                continue;
            }

            if (result.EndOfMessage)
            {
                await HandleAsync(buffer.WrittenMemory);
                buffer.ResetWrittenCount();
            }
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> message)
    {
        if (TokenHasExpired)
        {
            Close(GraphQLWebSocketEndpoint.CloseCodes.Forbidden, TokenExpired);
            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message);
        }
        catch (JsonException)
        {
            Close(GraphQLWebSocketEndpoint.CloseCodes.BadRequest, "Invalid message received");
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var typeProperty) && typeProperty.ValueKind == JsonValueKind.String
                ? typeProperty.GetString()
                : null;
            var payload = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("payload", out var payloadProperty) ? payloadProperty : default;
            var id = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var idProperty) && idProperty.ValueKind == JsonValueKind.String
                ? idProperty.GetString()
                : null;
            switch (type)
            {
                case "connection_init":
                    await InitAsync(payload);
                    break;
                case "ping":
                    Send(payload.ValueKind == JsonValueKind.Object ? $$"""{"type":"pong","payload":{{payload.GetRawText()}}}""" : """{"type":"pong"}""");
                    break;
                case "pong":
                    break;
                case "subscribe" when id is { Length: > 0 } && payload.ValueKind == JsonValueKind.Object:
                    await SubscribeAsync(id, payload);
                    break;
                case "complete" when id is { Length: > 0 }:
                    if (_operations.TryRemove(id, out var operation))
                    {
                        operation?.Dispose();
                    }

                    break;
                default:
                    Close(GraphQLWebSocketEndpoint.CloseCodes.BadRequest, "Invalid message received");
                    break;
            }
        }
    }

    private async Task InitAsync(JsonElement payload)
    {
        if (Interlocked.Increment(ref _initRequests) > 1)
        {
            Close(GraphQLWebSocketEndpoint.CloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
            return;
        }

        // A staff token may come in the payload, as browsers cannot set headers on a WebSocket. Clients copy their
        // HTTP headers there, so the name's case does not matter, as it does not in HTTP.
        var authorization = payload.ValueKind == JsonValueKind.Object
            ? payload.EnumerateObject().FirstOrDefault(field => field.Name.Equals("authorization", StringComparison.OrdinalIgnoreCase)).Value
            : default;
        if (authorization.ValueKind == JsonValueKind.String && !await SignInAsync(authorization.GetString()))
        {
            return;
        }

        _acknowledged = true;
        Send("""{"type":"connection_ack"}""");
    }

    /// <summary>
    /// Signs the socket in by the rule HTTP requests follow (<see cref="StaffTokens.SignInAsync"/>): a refused credential
    /// closes it with 4403, a staff token's expiry (or its account's end) ends it. False when the socket is closing.
    /// </summary>
    public async Task<bool> SignInAsync(string? authorization)
    {
        var signIn = await tokens.SignInAsync(authorization);
        if (signIn.IsRefused)
        {
            Close(GraphQLWebSocketEndpoint.CloseCodes.Forbidden, "Forbidden");
            return false;
        }

        _user = signIn.User ?? _user;
        return signIn.User is null || Expiry.Watch(signIn.ExpiresAt, signIn.User);
    }

    private async Task SubscribeAsync(string id, JsonElement payload)
    {
        if (!MayStart(id))
        {
            return;
        }

        // Only this read loop adds operations, so nothing can take the id between the check and here.
        _operations.TryAdd(id, null);
        if (await SubscribeRequests.ReadAsync(serializer, trustedDocuments, payload, _closing.Token) is not { } request)
        {
            Close(GraphQLWebSocketEndpoint.CloseCodes.BadRequest, "Invalid message received");
            return;
        }

        if (request.Query is not null && SharedSubscriptions.IsSubscription(request))
        {
            await StartSharedAsync(id, request, payload);
            return;
        }

        await ExecuteAsync(id, request);
    }

    /// <summary>Whether operation <paramref name="id"/> may start on this socket; if not, the client was told why.</summary>
    private bool MayStart(string id)
    {
        if (!_acknowledged)
        {
            Close(GraphQLWebSocketEndpoint.CloseCodes.Unauthorized, "Unauthorized");
            return false;
        }

        if (_operations.ContainsKey(id))
        {
            Close(GraphQLWebSocketEndpoint.CloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
            return false;
        }

        // An error for this one operation rather than a close: the others on the socket are fine, and a closed
        // client would reconnect, subscribe to all of them again and hit the same limit.
        if (_operations.Count >= options.MaxSubscriptionsPerSocket)
        {
            Send(GraphQLWebSocketMessages.Message(id, "error", GraphQLWebSocketMessages.Errors(
                $"This connection already runs {options.MaxSubscriptionsPerSocket} operations, the most it may. Complete one before starting another.",
                ErrorCodes.TooManySubscriptions)));
            return false;
        }

        return true;
    }

    private async Task StartSharedAsync(string id, GraphQLRequest request, JsonElement payload)
    {
        var variables = payload.TryGetProperty("variables", out var raw) ? raw.GetRawText() : "null";
        var (messages, failed) = await shared.SubscribeAsync(request, variables, _user);
        if (messages is null)
        {
            _operations.TryRemove(id, out _);
            Send(GraphQLWebSocketMessages.Message(id, "error", GraphQLWebSocketMessages.ErrorsOf(serializer, failed!)));
            return;
        }

        Listen(id, messages);
    }

    /// <summary>A query or mutation: its one result, then complete; a subscription that cannot be shared: its stream.</summary>
    private async Task ExecuteAsync(string id, GraphQLRequest request)
    {
        var result = await executer.ExecuteAsync(request.ToExecutionOptions(http, _user, _closing.Token));
        if (!result.Executed)
        {
            _operations.TryRemove(id, out _);
            Send(GraphQLWebSocketMessages.Message(id, "error", GraphQLWebSocketMessages.ErrorsOf(serializer, result)));
            return;
        }

        if (result.Streams is not { Count: > 0 } streams)
        {
            Send(GraphQLWebSocketMessages.Message(id, "next", Encoding.UTF8.GetBytes(serializer.Serialize(result))));
            Complete(id);
            return;
        }

        Listen(id, streams.Values.First().Select(next => Encoding.UTF8.GetBytes(serializer.Serialize(next))));
    }

    private void Listen(string id, IObservable<byte[]> results)
    {
        var nextMessage = GraphQLWebSocketMessages.NextMessages(id);
        var subscription = results.Subscribe(
            next =>
            {
                if (TokenHasExpired)
                {
                    Close(GraphQLWebSocketEndpoint.CloseCodes.Forbidden, TokenExpired);
                    return;
                }

                Send(nextMessage(next));
            },
            error =>
            {
                logger.LogError(error, "A subscription stream failed");
                if (_operations.TryRemove(id, out var failed))
                {
                    failed?.Dispose();
                }

                Send(GraphQLWebSocketMessages.Message(id, "error", GraphQLWebSocketMessages.Errors("The subscription stopped because of an error on our side.", ErrorCodes.InternalError)));
            },
            () => Complete(id));
        var tracked = active.Track(subscription);
        if (!_operations.TryUpdate(id, tracked, null))
        {
            tracked.Dispose();
        }
    }

    private void Complete(string id)
    {
        if (_operations.TryRemove(id, out var operation))
        {
            operation?.Dispose();
            Send(GraphQLWebSocketMessages.Message(id, "complete", (byte[]?)null));
        }
    }

    private void Send(string message) => Send(Encoding.UTF8.GetBytes(message));

    private void Send(byte[] message)
    {
        // A full queue means the client stopped reading: holding more for it would grow without limit, and
        // waiting for room would hold up the event stream that other sockets share.
        if (!Sender.TrySend(message) && !IsClosing)
        {
            // The client's doing, not the server's: worth a line, not an alert.
            logger.LogInformation("Closing a WebSocket whose client stopped reading: {Capacity} messages were waiting", options.WebSocketOutboxCapacity);
            Close(GraphQLWebSocketEndpoint.CloseCodes.ClientNotReading, "Client is not reading: too many messages waiting");
        }
    }
}
