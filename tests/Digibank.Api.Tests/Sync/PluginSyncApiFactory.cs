using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;

namespace Digibank.Api.Tests.Sync;

/// <summary>
/// The whole platform as the run command starts it: the API on Kestrel on 127.0.0.1 (HTTP/1.1 for
/// GraphQL, HTTP/2 for gRPC) with the plug-in host inside, syncing a copy of the sample plug-ins every second.
/// </summary>
public sealed class PluginSyncApiFactory : DigibankApiFactory
{
    private readonly DirectoryInfo _plugins = Directory.CreateTempSubdirectory("digibank-plugins-");
    private readonly Uri _http = new($"http://127.0.0.1:{FreePort()}");
    private readonly Uri _grpc = new($"http://127.0.0.1:{FreePort()}");

    public PluginSyncApiFactory()
    {
        CopySamplePlugins(Path.Combine(RepositoryRoot.Path, "artifacts", "plugins"), _plugins.FullName);
        UseKestrel();
    }

    public string PluginsFolder => _plugins.FullName;

    /// <summary>
    /// A started API. Its ports are picked before it starts, as the plug-in host inside needs the gRPC address up
    /// front; another test process may bind one of them in between, and then it starts again on new ports.
    /// </summary>
    public static PluginSyncApiFactory Start(Func<TelemetryCapture>? telemetry = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var api = new PluginSyncApiFactory { Telemetry = telemetry?.Invoke() };
            try
            {
                api.StartServer();
                return api;
            }
            catch (Exception exception) when (attempt < 5 && IsAddressInUse(exception))
            {
                api.Dispose();
            }
        }
    }

    protected override string? PluginsDirectory => PluginsFolder;

    public GraphQLTestClient CreateLoopbackGraphQLClient()
    {
        StartServer();
        return new GraphQLTestClient(new HttpClient { BaseAddress = _http });
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Kestrel:Endpoints:Http:Url", _http.ToString());
        builder.UseSetting("Kestrel:Endpoints:Grpc:Url", _grpc.ToString());
        builder.UseSetting("Plugins:RescanInterval", "00:00:01");
        builder.UseSetting("Plugins:FirstRetryDelay", "00:00:01");
        // The sample files list none of their partners' demo courses; here they replace them outright
        // (1: only a snapshot that lists nothing is held), as these tests are about the plug-ins, not the hold.
        builder.UseSetting("PartnerSync:MassWithdrawalShare", "1");
    }

    /// <summary>Each sample plug-in with its sample input as its data, syncing every second.</summary>
    public static void CopySamplePlugins(string from, string to)
    {
        foreach (var plugin in Directory.GetDirectories(from))
        {
            var target = Directory.CreateDirectory(Path.Combine(to, Path.GetFileName(plugin))).FullName;
            foreach (var file in Directory.GetFiles(plugin))
            {
                if (file.EndsWith(".dll", StringComparison.Ordinal) || file.EndsWith(".json", StringComparison.Ordinal) || file.EndsWith(".pdb", StringComparison.Ordinal))
                {
                    File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
                }
            }

            foreach (var sample in Directory.GetFiles(Path.Combine(plugin, "samples")))
            {
                File.Copy(sample, Path.Combine(target, Path.GetFileName(sample)), overwrite: true);
            }

            var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(target, "plugin.json")))!;
            manifest["intervalSeconds"] = 1;
            manifest["timeoutSeconds"] = 20;
            File.WriteAllText(Path.Combine(target, "plugin.json"), manifest.ToJsonString());
        }
    }

    /// <summary>The plug-in host tests' faulty plug-in, for <paramref name="partnerCode"/>, with one of its faults.</summary>
    public static void AddFaultyPlugin(string pluginsFolder, string partnerCode, string fault)
    {
        var built = Path.Combine(RepositoryRoot.Path, "tests", "Digibank.Plugins.Host.Tests", "bin", BuildConfiguration, "test-plugins", "Faulty");
        var target = Directory.CreateDirectory(Path.Combine(pluginsFolder, "Faulty")).FullName;
        foreach (var file in Directory.GetFiles(built))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }

        File.WriteAllText(Path.Combine(target, "plugin.json"), new JsonObject
        {
            ["partnerCode"] = partnerCode,
            ["intervalSeconds"] = 1,
            ["timeoutSeconds"] = 10,
            ["settings"] = new JsonObject { ["fault"] = fault },
        }.ToJsonString());
    }

#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            _plugins.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A plug-in's files may still be in use for a moment after the host stopped.
        }
    }

    private static bool IsAddressInUse(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                return true;
            }
        }

        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
