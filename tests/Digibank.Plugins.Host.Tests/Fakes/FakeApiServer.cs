using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Digibank.Plugins.Host.Tests.Fakes;

/// <summary>A real Kestrel server on loopback, HTTP/2 without TLS, as the API serves gRPC in-process.</summary>
public sealed class FakeApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeApiServer(WebApplication app, FakePartnerSync partnerSync, Uri address)
    {
        _app = app;
        PartnerSync = partnerSync;
        Address = address;
    }

    public FakePartnerSync PartnerSync { get; }

    public Uri Address { get; }

    public static async Task<FakeApiServer> StartAsync()
    {
        var port = FreeLoopbackPort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        // A singleton, so every call reaches the same recorder.
        var partnerSync = new FakePartnerSync();
        builder.Services.AddSingleton(partnerSync);
        var app = builder.Build();
        app.MapGrpcService<FakePartnerSync>();
        await app.StartAsync();
        return new FakeApiServer(app, partnerSync, new Uri($"http://127.0.0.1:{port}"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
