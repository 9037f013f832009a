using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Reactive.Linq;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Digibank.Api.GraphQL.TrustedDocuments;
using Digibank.Api.Staff;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using Microsoft.Extensions.Options;

namespace Digibank.Api.GraphQL.Transport;

/// <summary>
/// GraphQL over WebSocket with the graphql-transport-ws protocol, as the <c>graphql-ws</c> client and Apollo
/// speak it: connection_init and ack, ping/pong, subscribe/next/error/complete, and the protocol's close codes.
/// </summary>
public sealed class GraphQLWebSocketEndpoint(
    IDocumentExecuter<ISchema> executer,
    IGraphQLTextSerializer serializer,
    StaffTokens tokens,
    SharedSubscriptions shared,
    ActiveSubscriptions active,
    TrustedDocumentStore trustedDocuments,
    IOptions<GraphQLTransportOptions> options,
    TimeProvider clock,
    ILogger<GraphQLWebSocketEndpoint> logger)
{
    public const string SubProtocol = "graphql-transport-ws";
    public static readonly TimeSpan ConnectionInitWaitTimeout = TimeSpan.FromSeconds(3);
    public const int MaxMessageBytes = 64 * 1024;
    private static readonly TimeSpan MaxTimerWait = TimeSpan.FromDays(1);

    public async Task HandleAsync(HttpContext http)
    {
        var offered = http.WebSockets.WebSocketRequestedProtocols;
        var speaksProtocol = offered.Contains(SubProtocol);
        // Browsers fail a handshake that answers with none of the subprotocols they offered and report only 1006;
        // answering with the client's own choice (say the legacy graphql-ws) lets it see the 4406 and its reason.
        using var socket = await http.WebSockets.AcceptWebSocketAsync(speaksProtocol ? SubProtocol : offered.FirstOrDefault());
        var connection = new Connection(socket, http, executer, serializer, tokens, shared, active, trustedDocuments, options.Value, clock, logger);
        if (!speaksProtocol)
        {
            connection.Close(CloseCodes.SubprotocolNotAcceptable, $"Subprotocol not acceptable: use {SubProtocol}");
        }
        else
        {
            // A token in the upgrade request counts as one in connection_init would: a refused one closes the socket, a valid one ends it when it expires.
            await connection.SignInAsync(http.Request.Headers.Authorization);
        }

        await connection.RunAsync();
    }

    public static class CloseCodes
    {
        public const int BadRequest = 4400;
        public const int Unauthorized = 4401;
        public const int Forbidden = 4403;
        public const int SubprotocolNotAcceptable = 4406;
        public const int ConnectionInitialisationTimeout = 4408;
        public const int SubscriberAlreadyExists = 4409;
        public const int TooManyInitialisationRequests = 4429;

        // Not one of the protocol's 44xx codes, which each mean something else to graphql-ws clients.
        public const int ClientNotReading = (int)WebSocketCloseStatus.PolicyViolation;
    }

    private sealed class Connection(
        WebSocket socket,
        HttpContext http,
        IDocumentExecuter<ISchema> executer,
        IGraphQLTextSerializer serializer,
        StaffTokens tokens,
        SharedSubscriptions shared,
        ActiveSubscriptions active,
        TrustedDocumentStore trustedDocuments,
        GraphQLTransportOptions options,
        TimeProvider clock,
        ILogger logger)
    {
        private const string TokenExpired = "Forbidden: token expired";

        private readonly Channel<byte[]> _outbox = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(options.WebSocketOutboxCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        private readonly ConcurrentDictionary<string, IDisposable?> _operations = new(StringComparer.Ordinal);
        // Not linked to RequestAborted: the test server ends the upgrade request while the socket lives on.
        private readonly CancellationTokenSource _ended = new();
        // Cancelled when closing starts: stops the writer and the queries still running.
        private readonly CancellationTokenSource _closing = new();
        // Cancelling a receive or a send aborts the socket without a close frame, so only the close timeout does.
        private readonly CancellationTokenSource _abort = new();
        private ClaimsPrincipal _user = new(new ClaimsIdentity());
        private int _initRequests;
        private volatile bool _acknowledged;
        private int _closeRequested;
        private (int Code, string Reason)? _closeFrame;
        private long _tokenExpiresAtTicks = DateTime.MaxValue.Ticks;
        private ITimer? _expiryTimer;

        private bool IsClosing => Volatile.Read(ref _closeRequested) != 0;

        private bool TokenHasExpired => tokens.HasExpired(new DateTime(Interlocked.Read(ref _tokenExpiresAtTicks), DateTimeKind.Utc));

        public async Task RunAsync()
        {
            // A WebSocket takes one send at a time: everything, the close frame included, goes out through one writer.
            var writer = WriteLoopAsync();
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
                await writer;
                await abortSocket.DisposeAsync();
                await _ended.CancelAsync();
                _expiryTimer?.Dispose();
            }
        }

        // The writer sends the close frame once its current send is done, and the read loop waits for the client's
        // close frame: ending the request sooner would reset the connection, and the client would see 1006.
        public void Close(int code, string reason) => Close((code, reason));

        private void Close((int Code, string Reason)? closeFrame)
        {
            if (Interlocked.Exchange(ref _closeRequested, 1) != 0)
            {
                return;
            }

            _closeFrame = closeFrame;
            _abort.CancelAfter(options.WebSocketCloseTimeout);
            _closing.Cancel();
            _outbox.Writer.TryComplete();
            _expiryTimer?.Dispose();
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
                await Task.Delay(ConnectionInitWaitTimeout, _ended.Token);
                if (Volatile.Read(ref _initRequests) == 0)
                {
                    Close(CloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
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
                if (buffer.WrittenCount > MaxMessageBytes)
                {
                    Close(CloseCodes.BadRequest, "Message too large");
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
                Close(CloseCodes.Forbidden, TokenExpired);
                return;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(message);
            }
            catch (JsonException)
            {
                Close(CloseCodes.BadRequest, "Invalid message received");
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
                        Close(CloseCodes.BadRequest, "Invalid message received");
                        break;
                }
            }
        }

        private async Task InitAsync(JsonElement payload)
        {
            if (Interlocked.Increment(ref _initRequests) > 1)
            {
                Close(CloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
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
        /// closes it with 4403, a staff token's expiry ends it. False when the socket is closing.
        /// </summary>
        public async Task<bool> SignInAsync(string? authorization)
        {
            var signIn = await tokens.SignInAsync(authorization);
            if (signIn.IsRefused)
            {
                Close(CloseCodes.Forbidden, "Forbidden");
                return false;
            }

            if (signIn.User is not { } user)
            {
                return true;
            }

            _user = user;
            return WatchExpiry(signIn.ExpiresAt);
        }

        // A socket outlives its token, so the token's expiry ends it: a timer on the application's clock, and a check
        // before each message goes out in case the timer runs late.
        private bool WatchExpiry(DateTime expiresUtc)
        {
            _expiryTimer?.Dispose();
            Interlocked.Exchange(ref _tokenExpiresAtTicks, expiresUtc.Ticks);
            if (TokenHasExpired)
            {
                // Valid when it was read, it may have expired since.
                Close(CloseCodes.Forbidden, TokenExpired);
                return false;
            }

            _expiryTimer = clock.CreateTimer(_ => CloseOnExpiry(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            CloseOnExpiry();
            return true;
        }

        private void CloseOnExpiry()
        {
            if (TokenHasExpired)
            {
                Close(CloseCodes.Forbidden, TokenExpired);
                return;
            }

            // A timer counts elapsed time and the token the wall clock, and a timer cannot wait past about 49 days:
            // it may fire before the expiry, and then waits for the rest.
            var remaining = new DateTimeOffset(Interlocked.Read(ref _tokenExpiresAtTicks), TimeSpan.Zero) - clock.GetUtcNow();
            try
            {
                _expiryTimer?.Change(TimeSpan.FromTicks(Math.Clamp(remaining.Ticks, 0, MaxTimerWait.Ticks)), Timeout.InfiniteTimeSpan);
            }
            catch (ObjectDisposedException)
            {
                // The connection closed meanwhile.
            }
        }

        private async Task SubscribeAsync(string id, JsonElement payload)
        {
            if (!_acknowledged)
            {
                Close(CloseCodes.Unauthorized, "Unauthorized");
                return;
            }

            if (_operations.ContainsKey(id))
            {
                Close(CloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
                return;
            }

            // An error for this one operation rather than a close: the others on the socket are fine, and a closed
            // client would reconnect, subscribe to all of them again and hit the same limit.
            if (_operations.Count >= options.MaxSubscriptionsPerSocket)
            {
                Send(Message(id, "error", Errors(
                    $"This connection already runs {options.MaxSubscriptionsPerSocket} operations, the most it may. Complete one before starting another.",
                    ErrorCodes.TooManySubscriptions)));
                return;
            }

            // Only this read loop adds operations, so nothing can take the id between the check above and here.
            _operations.TryAdd(id, null);

            GraphQLRequest? request;
            try
            {
                request = serializer.Deserialize<GraphQLRequest>(payload.GetRawText());
            }
            catch (JsonException)
            {
                request = null;
            }

            if (request is null || (string.IsNullOrWhiteSpace(request.Query) && request.DocumentId is null))
            {
                Close(CloseCodes.BadRequest, "Invalid message received");
                return;
            }

            // A trusted document sent by its id is a subscription or not by its text. An id that is malformed or unknown
            // stays in the request, and the executer answers it with its error.
            if (request.Query is null && request.DocumentId is { } documentId && TrustedDocument.IsWellFormedId(documentId)
                && await trustedDocuments.FindAsync(documentId, _closing.Token) is { } trusted)
            {
                request.Query = trusted;
                request.DocumentId = null;
            }

            if (request.Query is not null && SharedSubscriptions.IsSubscription(request))
            {
                var variables = payload.TryGetProperty("variables", out var raw) ? raw.GetRawText() : "null";
                var (messages, failed) = await shared.SubscribeAsync(request, variables, _user);
                if (messages is null)
                {
                    _operations.TryRemove(id, out _);
                    Send(Message(id, "error", ErrorsOf(failed!)));
                    return;
                }

                Listen(id, messages);
                return;
            }

            var result = await executer.ExecuteAsync(request.ToExecutionOptions(http, _user, _closing.Token));

            if (!result.Executed)
            {
                _operations.TryRemove(id, out _);
                Send(Message(id, "error", ErrorsOf(result)));
                return;
            }

            if (result.Streams is not { Count: > 0 } streams)
            {
                Send(Message(id, "next", Encoding.UTF8.GetBytes(serializer.Serialize(result))));
                Complete(id);
                return;
            }

            Listen(id, streams.Values.First().Select(next => Encoding.UTF8.GetBytes(serializer.Serialize(next))));
        }

        private void Listen(string id, IObservable<byte[]> results)
        {
            var subscription = results.Subscribe(
                next =>
                {
                    if (TokenHasExpired)
                    {
                        Close(CloseCodes.Forbidden, TokenExpired);
                        return;
                    }

                    Send(Message(id, "next", next));
                },
                error =>
                {
                    logger.LogError(error, "A subscription stream failed");
                    if (_operations.TryRemove(id, out var failed))
                    {
                        failed?.Dispose();
                    }

                    Send(Message(id, "error", Errors("The subscription stopped because of an error on our side.", ErrorCodes.InternalError)));
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
                Send(Message(id, "complete", (byte[]?)null));
            }
        }

        private string ErrorsOf(ExecutionResult result)
        {
            using var document = JsonDocument.Parse(serializer.Serialize(result));
            return document.RootElement.TryGetProperty("errors", out var errors) ? errors.GetRawText() : "[]";
        }

        private static string Errors(string message, string code) =>
            JsonSerializer.Serialize(new[] { new { message, extensions = new { code } } });

        private static byte[] Message(string id, string type, string? rawPayload) =>
            Message(id, type, rawPayload is null ? null : Encoding.UTF8.GetBytes(rawPayload));

        /// <summary>
        /// A protocol message around a payload that is already JSON in UTF-8: a shared subscription's event is
        /// serialised and encoded once and only copied into each subscriber's message, never transcoded again.
        /// </summary>
        private static byte[] Message(string id, string type, byte[]? payload)
        {
            var buffer = new ArrayBufferWriter<byte>((payload?.Length ?? 0) + 64 + id.Length);
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("id", id);
                json.WriteString("type", type);
                if (payload is not null)
                {
                    json.WritePropertyName("payload");
                    json.WriteRawValue(payload, skipInputValidation: true);
                }

                json.WriteEndObject();
            }

            return buffer.WrittenSpan.ToArray();
        }

        private void Send(string message) => Send(Encoding.UTF8.GetBytes(message));

        private void Send(byte[] message)
        {
            // A full outbox means the client stopped reading: holding more for it would grow without limit, and
            // waiting for room would hold up the event stream that other sockets share.
            if (!_outbox.Writer.TryWrite(message) && !IsClosing)
            {
                // The client's doing, not the server's: worth a line, not an alert.
                logger.LogInformation("Closing a WebSocket whose client stopped reading: {Capacity} messages were waiting", options.WebSocketOutboxCapacity);
                Close(CloseCodes.ClientNotReading, "Client is not reading: too many messages waiting");
            }
        }

        private async Task WriteLoopAsync()
        {
            try
            {
                while (!_closing.IsCancellationRequested && await _outbox.Reader.WaitToReadAsync(_closing.Token))
                {
                    while (!_closing.IsCancellationRequested && _outbox.Reader.TryRead(out var message))
                    {
                        if (TokenHasExpired)
                        {
                            Close(CloseCodes.Forbidden, TokenExpired);
                            break;
                        }

                        await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Closing: what is still queued is dropped.
            }
            catch (Exception exception) when (exception is WebSocketException or IOException or ObjectDisposedException)
            {
                return;
            }

            if (_closeFrame is { } close && socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                try
                {
                    await socket.CloseOutputAsync((WebSocketCloseStatus)close.Code, close.Reason, _abort.Token);
                }
                catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
                {
                    // The client is gone, or did not take the close frame in time.
                }
            }
        }
    }
}
