using System.Net.WebSockets;
using System.Reactive.Linq;
using Digibank.Api.GraphQL.TrustedDocuments;
using Digibank.Api.Staff;
using GraphQL;
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
    SessionEndings sessionEndings,
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

    public async Task HandleAsync(HttpContext http)
    {
        var offered = http.WebSockets.WebSocketRequestedProtocols;
        var speaksProtocol = offered.Contains(SubProtocol);
        // Browsers fail a handshake that answers with none of the subprotocols they offered and report only 1006;
        // answering with the client's own choice (say the legacy graphql-ws) lets it see the 4406 and its reason.
        using var socket = await http.WebSockets.AcceptWebSocketAsync(speaksProtocol ? SubProtocol : offered.FirstOrDefault());
        var connection = new GraphQLWebSocketConnection(socket, http, executer, serializer, tokens, sessionEndings, shared, active, trustedDocuments, options.Value, clock, logger);
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
}
