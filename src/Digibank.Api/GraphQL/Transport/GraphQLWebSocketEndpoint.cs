using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Reactive.Linq;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Digibank.Api.Staff;
using GraphQL;
using GraphQL.Transport;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Digibank.Api.GraphQL.Transport;

/// <summary>
/// GraphQL over WebSocket with the graphql-transport-ws protocol, as the <c>graphql-ws</c> client and Apollo
/// speak it: connection_init and ack, ping/pong, subscribe/next/error/complete, and the protocol's close codes.
/// </summary>
public sealed class GraphQLWebSocketEndpoint(
    IDocumentExecuter<DigibankSchema> executer,
    IGraphQLTextSerializer serializer,
    StaffTokens tokens,
    SharedSubscriptions shared,
    ILogger<GraphQLWebSocketEndpoint> logger)
{
    public const string SubProtocol = "graphql-transport-ws";
    public static readonly TimeSpan ConnectionInitWaitTimeout = TimeSpan.FromSeconds(3);
    public const int MaxMessageBytes = 64 * 1024;

    public async Task HandleAsync(HttpContext http)
    {
        var speaksProtocol = http.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol);
        using var socket = await http.WebSockets.AcceptWebSocketAsync(speaksProtocol ? SubProtocol : null);
        if (!speaksProtocol)
        {
            await socket.CloseAsync((WebSocketCloseStatus)CloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable", http.RequestAborted);
            return;
        }

        await new Connection(socket, http, executer, serializer, tokens, shared, logger).RunAsync();
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
    }

    private sealed class Connection(
        WebSocket socket,
        HttpContext http,
        IDocumentExecuter<DigibankSchema> executer,
        IGraphQLTextSerializer serializer,
        StaffTokens tokens,
        SharedSubscriptions shared,
        ILogger logger)
    {
        private readonly Channel<string> _outbox = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        private readonly ConcurrentDictionary<string, IDisposable?> _operations = new(StringComparer.Ordinal);
        // Not linked to RequestAborted: the test server ends the upgrade request while the socket lives on.
        private readonly CancellationTokenSource _closing = new();
        private ClaimsPrincipal _user = http.User;
        private int _initRequests;
        private volatile bool _acknowledged;

        public async Task RunAsync()
        {
            // A WebSocket takes one send at a time: everything goes out through one writer.
            var writer = WriteLoopAsync();
            _ = CloseWithoutInitAsync();
            try
            {
                await ReadLoopAsync();
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // The client went away; its subscriptions end below.
            }
            finally
            {
                foreach (var operation in _operations.Values)
                {
                    operation?.Dispose();
                }

                _outbox.Writer.TryComplete();
                await _closing.CancelAsync();
                await writer;
                _closing.Dispose();
            }
        }

        private async Task CloseWithoutInitAsync()
        {
            try
            {
                await Task.Delay(ConnectionInitWaitTimeout, _closing.Token);
                if (Volatile.Read(ref _initRequests) == 0)
                {
                    await CloseAsync(CloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
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
            while (socket.State == WebSocketState.Open && !_closing.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer.GetMemory(4096), _closing.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await CloseAsync(WebSocketCloseStatus.NormalClosure, "Bye");
                    return;
                }

                buffer.Advance(result.Count);
                if (buffer.WrittenCount > MaxMessageBytes)
                {
                    await CloseAsync(CloseCodes.BadRequest, "Message too large");
                    return;
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
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(message);
            }
            catch (JsonException)
            {
                await CloseAsync(CloseCodes.BadRequest, "Invalid message received");
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
                        await CloseAsync(CloseCodes.BadRequest, "Invalid message received");
                        break;
                }
            }
        }

        private async Task InitAsync(JsonElement payload)
        {
            if (Interlocked.Increment(ref _initRequests) > 1)
            {
                await CloseAsync(CloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
                return;
            }

            // A staff token may come in the payload, as browsers cannot set headers on a WebSocket.
            if (payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("authorization", out var authorization) && authorization.ValueKind == JsonValueKind.String)
            {
                var token = authorization.GetString()!;
                token = token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? token["Bearer ".Length..] : token;
                var validated = await new JsonWebTokenHandler().ValidateTokenAsync(token.Trim(), tokens.ValidationParameters);
                if (!validated.IsValid)
                {
                    await CloseAsync(CloseCodes.Forbidden, "Forbidden");
                    return;
                }

                _user = new ClaimsPrincipal(validated.ClaimsIdentity);
            }

            _acknowledged = true;
            Send("""{"type":"connection_ack"}""");
        }

        private async Task SubscribeAsync(string id, JsonElement payload)
        {
            if (!_acknowledged)
            {
                await CloseAsync(CloseCodes.Unauthorized, "Unauthorized");
                return;
            }

            if (!_operations.TryAdd(id, null))
            {
                await CloseAsync(CloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
                return;
            }

            GraphQLRequest? request;
            try
            {
                request = serializer.Deserialize<GraphQLRequest>(payload.GetRawText());
            }
            catch (JsonException)
            {
                request = null;
            }

            if (string.IsNullOrWhiteSpace(request?.Query))
            {
                await CloseAsync(CloseCodes.BadRequest, "Invalid message received");
                return;
            }

            if (SharedSubscriptions.IsSubscription(request))
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

            var result = await executer.ExecuteAsync(request.ToExecutionOptions(http.RequestServices, _user, _closing.Token));

            if (!result.Executed)
            {
                _operations.TryRemove(id, out _);
                Send(Message(id, "error", ErrorsOf(result)));
                return;
            }

            if (result.Streams is not { Count: > 0 } streams)
            {
                Send(Message(id, "next", serializer.Serialize(result)));
                Complete(id);
                return;
            }

            Listen(id, streams.Values.First().Select(serializer.Serialize));
        }

        private void Listen(string id, IObservable<string> results)
        {
            var subscription = results.Subscribe(
                next => Send(Message(id, "next", next)),
                error =>
                {
                    logger.LogWarning(error, "A subscription stream failed");
                    _operations.TryRemove(id, out _);
                    Send(Message(id, "error", """[{"message":"The subscription stopped because of an error on our side.","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]"""));
                },
                () => Complete(id));
            if (!_operations.TryUpdate(id, subscription, null))
            {
                subscription.Dispose();
            }
        }

        private void Complete(string id)
        {
            if (_operations.TryRemove(id, out var operation))
            {
                operation?.Dispose();
                Send(Message(id, "complete", null));
            }
        }

        private string ErrorsOf(ExecutionResult result)
        {
            using var document = JsonDocument.Parse(serializer.Serialize(result));
            return document.RootElement.TryGetProperty("errors", out var errors) ? errors.GetRawText() : "[]";
        }

        private static string Message(string id, string type, string? rawPayload)
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream))
            {
                json.WriteStartObject();
                json.WriteString("id", id);
                json.WriteString("type", type);
                if (rawPayload is not null)
                {
                    json.WritePropertyName("payload");
                    json.WriteRawValue(rawPayload, skipInputValidation: true);
                }

                json.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        }

        private void Send(string message) => _outbox.Writer.TryWrite(message);

        private async Task WriteLoopAsync()
        {
            try
            {
                await foreach (var message in _outbox.Reader.ReadAllAsync(_closing.Token))
                {
                    await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, _closing.Token);
                }
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // The connection is closing.
            }
        }

        private Task CloseAsync(WebSocketCloseStatus status, string reason) => CloseAsync((int)status, reason);

        private async Task CloseAsync(int code, string reason)
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                try
                {
                    await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
                }
                catch (WebSocketException)
                {
                    // Already gone.
                }
            }

            await _closing.CancelAsync();
        }
    }
}
