using Digibank.Api.Dashboard;
using Digibank.Api.GraphQL;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Digibank.Api.Composition;

/// <summary>
/// Where each service listens, for the start-up line and the text at <c>/</c>. Kestrel has two kinds of
/// endpoint: HTTP/1.1 for GraphQL, its WebSocket and the dashboard, and HTTP/2 without TLS for gRPC only;
/// each bound address is named by the configured endpoint it belongs to, never guessed from its port.
/// </summary>
public sealed record Addresses(IReadOnlyList<string> Http, IReadOnlyList<string> Grpc)
{
    public static Addresses Of(WebApplication app)
    {
        var grpcPorts = app.Configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Where(endpoint => Enum.TryParse<HttpProtocols>(endpoint["Protocols"], ignoreCase: true, out var protocols) && protocols == HttpProtocols.Http2)
            .Select(endpoint => Uri.TryCreate(endpoint["Url"], UriKind.Absolute, out var url) ? url.Port : -1)
            .ToHashSet();
        var bound = app.Urls.Select(url => url.TrimEnd('/')).ToList();
        bool IsGrpc(string url) => Uri.TryCreate(url, UriKind.Absolute, out var address) && grpcPorts.Contains(address.Port);
        return new Addresses(bound.Where(url => !IsGrpc(url)).ToList(), bound.Where(IsGrpc).ToList());
    }

    public string Describe() =>
        $"GraphQL (HTTP and WebSocket) at {Join(Http, GraphQLSetup.Path)}; the live dashboard at {Join(Http, DashboardEndpoints.Path)}; " +
        $"gRPC for partner plug-ins (HTTP/2 only, no GraphQL) at {Join(Grpc, string.Empty)}";

    private static string Join(IReadOnlyList<string> addresses, string path) =>
        addresses.Count == 0 ? "(not listening)" : string.Join(", ", addresses.Select(address => address + path));
}
