using System.Net;
using System.Net.Sockets;
using Digibank.Api.Staff;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Api.Tests.Dashboard;

/// <summary>The API on real Kestrel on 127.0.0.1 with free ports, so a real browser can load the dashboard.</summary>
public sealed class DashboardApiFactory : DigibankApiFactory
{
    private readonly Uri _http = new($"http://127.0.0.1:{FreePort()}");
    private readonly Uri _grpc = new($"http://127.0.0.1:{FreePort()}");

    public DashboardApiFactory()
    {
        UseKestrel();
    }

    public Uri BaseAddress
    {
        get
        {
            StartServer();
            return _http;
        }
    }

    public GraphQLTestClient CreateLoopbackGraphQLClient() => new(new HttpClient { BaseAddress = BaseAddress });

    public string MintCoordinatorToken() =>
        Services.GetRequiredService<StaffTokens>().Mint("test:dashboard", "Griet", StaffRole.Coordinator, []);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Kestrel:Endpoints:Http:Url", _http.ToString());
        builder.UseSetting("Kestrel:Endpoints:Grpc:Url", _grpc.ToString());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
