using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Bench;

/// <summary>The real API on Kestrel on 127.0.0.1, on free ports, with its own database file.</summary>
public sealed class LoopbackApi : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    private LoopbackApi(WebApplicationFactory<Program> factory, Uri http, Uri grpc) => (_factory, Http, Grpc) = (factory, http, grpc);

    /// <summary>GraphQL and the plain endpoints (HTTP/1.1).</summary>
    public Uri Http { get; }

    /// <summary>The partner sync (HTTP/2 without TLS).</summary>
    public Uri Grpc { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>The API on the store of a benchmark run, with more settings on top.</summary>
    public static LoopbackApi Start(BenchStore store, IReadOnlyDictionary<string, string>? settings = null) =>
        Start(string.Empty, settings: store.Settings.Concat(settings ?? new Dictionary<string, string>()).ToDictionary());

    /// <param name="databaseFile">The SQLite file, unless the settings name another store.</param>
    /// <param name="seedDemoRegion">Whether an empty database gets the demo region.</param>
    /// <param name="settings">More settings, on top of the benchmark's own.</param>
    /// <param name="services">More services, such as an interceptor that counts the SQL statements.</param>
    public static LoopbackApi Start(string databaseFile, bool seedDemoRegion = true, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        var http = new Uri($"http://127.0.0.1:{FreePort()}");
        var grpc = new Uri($"http://127.0.0.1:{FreePort()}");
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSolutionRelativeContentRoot("src/Digibank.Api");
            host.UseEnvironment("Production");
            host.UseSetting("ConnectionStrings:Digibank", $"Data Source={databaseFile}");
            host.UseSetting("DemoRegion:Seed", seedDemoRegion.ToString());
            host.UseSetting("Logging:LogLevel:Default", "Warning");
            host.UseSetting("Kestrel:Endpoints:Http:Url", http.ToString());
            host.UseSetting("Kestrel:Endpoints:Grpc:Url", grpc.ToString());
            host.UseSetting("Plugins:Enabled", "false");
            // A load generator is one address sending far more than any resident would.
            host.UseSetting("RateLimiting:Enabled", "false");
            foreach (var (name, value) in settings ?? new Dictionary<string, string>())
                host.UseSetting(name, value);
            if (services is not null)
            {
                host.ConfigureServices(services);
            }
        });
        factory.UseKestrel();
        factory.StartServer();
        return new LoopbackApi(factory, http, grpc);
    }

    /// <summary>
    /// Tracing and metrics on, exported over OTLP to a port of 127.0.0.1 where nothing listens: the API does all the
    /// work of tracing, and the exporter's failed sends cost what they would when a collector is away.
    /// </summary>
    public static IReadOnlyDictionary<string, string> TracingSettings() => new Dictionary<string, string>
    {
        ["OpenTelemetry:Endpoint"] = $"http://127.0.0.1:{FreePort()}",
    };

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
