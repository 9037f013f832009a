using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Digibank.Api.Tests.GraphQL.Transport;

/// <summary>
/// The API on real Kestrel on 127.0.0.1 with free ports, so WebSocket clients meet the real transport (TCP
/// buffers, close frames, resets), and with a clock the tests move by hand, timers included.
/// </summary>
public sealed class LoopbackApiFactory : DigibankApiFactory
{
    public const int OutboxCapacity = 64;

    private readonly Uri _http = new($"http://127.0.0.1:{FreePort()}");
    private readonly Uri _grpc = new($"http://127.0.0.1:{FreePort()}");

    public LoopbackApiFactory()
    {
        UseKestrel();
    }

    public ManualClock ManualClock { get; } = new(Now);

    public Uri GraphQLWebSocketAddress
    {
        get
        {
            StartServer();
            return new Uri($"ws://{_http.Authority}/graphql");
        }
    }

    public Uri HttpAddress
    {
        get
        {
            StartServer();
            return _http;
        }
    }

    /// <summary>The partner sync (HTTP/2 without TLS).</summary>
    public Uri GrpcAddress
    {
        get
        {
            StartServer();
            return _grpc;
        }
    }

    public GraphQLTestClient CreateLoopbackGraphQLClient() => new(new HttpClient { BaseAddress = HttpAddress });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Kestrel:Endpoints:Http:Url", _http.ToString());
        builder.UseSetting("Kestrel:Endpoints:Grpc:Url", _grpc.ToString());
        builder.UseSetting("GraphQL:WebSocketOutboxCapacity", OutboxCapacity.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // A client that stops reading gets its close frame only once it reads again; the test takes its time to do so.
        builder.UseSetting("GraphQL:WebSocketCloseTimeout", "00:01:00");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(ManualClock);
        });
    }

    /// <summary>A port nothing listens on now, for a server of a test's own on 127.0.0.1.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
