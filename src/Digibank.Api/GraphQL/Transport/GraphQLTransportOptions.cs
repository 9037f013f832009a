namespace Digibank.Api.GraphQL.Transport;

public sealed class GraphQLTransportOptions
{
    public const string Section = "GraphQL";

    /// <summary>Largest accepted request: a POST body or a GET query string, in bytes.</summary>
    public int MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Messages that may wait to be sent on one WebSocket. A client that falls this far behind is closed with 1008,
    /// so one that stops reading cannot make the server hold its events without limit.
    /// </summary>
    public int WebSocketOutboxCapacity { get; set; } = 1000;

    /// <summary>Operations (subscriptions, and queries still running) one WebSocket may have at once.</summary>
    public int MaxSubscriptionsPerSocket { get; set; } = 100;

    /// <summary>How long a closing WebSocket may take to send its close frame and hear the client's, before the connection is dropped.</summary>
    public TimeSpan WebSocketCloseTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
