using System.Net;
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
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            // Port 0: the system picks a free port at bind time. A port picked beforehand and released could be
            // taken by another test process in between, which failed a run with "address already in use".
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        // A singleton, so every call reaches the same recorder.
        var partnerSync = new FakePartnerSync();
        builder.Services.AddSingleton(partnerSync);
        var app = builder.Build();
        app.MapGrpcService<FakePartnerSync>();
        await app.StartAsync();
        return new FakeApiServer(app, partnerSync, new Uri(app.Urls.Single()));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
