using Digibank.Api.Regions;
using Digibank.Api.Staff;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Api.Tests.Dashboard;

/// <summary>The API on real Kestrel on 127.0.0.1 with free ports, so a real browser can load the dashboard.</summary>
public sealed class DashboardApiFactory : DigibankApiFactory
{
    private ListenOptions? _http;

    public DashboardApiFactory()
    {
        UseKestrel();
    }

    public Uri BaseAddress
    {
        get
        {
            StartServer();
            return new Uri($"http://127.0.0.1:{_http!.IPEndPoint!.Port}");
        }
    }

    public GraphQLTestClient CreateLoopbackGraphQLClient() => new(new HttpClient { BaseAddress = BaseAddress });

    public string MintCoordinatorToken() =>
        Services.GetRequiredService<StaffTokens>().Mint("test:dashboard", "Griet", StaffRole.Coordinator, Region.FirstRegionId, []);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Port 0: the system picks free ports as Kestrel binds. Ports picked beforehand and released can be taken
        // by another test process in between ("address already in use"); the bound port is read back afterwards.
        builder.UseSetting("Kestrel:Endpoints:Http:Url", "http://127.0.0.1:0");
        builder.UseSetting("Kestrel:Endpoints:Grpc:Url", "http://127.0.0.1:0");
        builder.ConfigureKestrel((context, kestrel) => kestrel.Configure(context.Configuration.GetSection("Kestrel"))
            .Endpoint("Http", endpoint => _http = endpoint.ListenOptions));
    }
}
