using System.Text.Json;
using Digibank.Plugins.Host.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Digibank.Plugins.Host.Tests;

/// <summary>A temporary plug-ins folder, a fake API on loopback and the plug-in host wired as the API would wire it.</summary>
public sealed class PluginHostHarness : IAsyncDisposable
{
    // Generous: the three test projects share two cores, and a wait ends as soon as its condition holds.
    private static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(30);

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"digibank-host-tests-{Guid.NewGuid():N}");
    private ServiceProvider? _services;
    private List<IHostedService> _hostedServices = [];

    private PluginHostHarness(FakeApiServer api)
    {
        Api = api;
        Directory.CreateDirectory(PluginsDirectory);
    }

    public FakeApiServer Api { get; }

    public FakePartnerSync Server => Api.PartnerSync;

    public string PluginsDirectory => Path.Combine(_root, "plugins");

    public PluginHostStatus Status => _services?.GetRequiredService<PluginHostStatus>() ?? throw new InvalidOperationException("The host is not started.");

    public static async Task<PluginHostHarness> CreateAsync() => new(await FakeApiServer.StartAsync());

    /// <summary>Where the test project's build put a test plug-in: bin/&lt;Configuration&gt;/test-plugins/&lt;Project&gt;/.</summary>
    public static string BuiltTestPlugin(string project) =>
        Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "test-plugins", project));

    /// <summary>Drops a test plug-in into the plug-ins folder: its build output and a plugin.json.</summary>
    public string AddPlugin(
        string project,
        string? folderName = null,
        int intervalSeconds = 1,
        int timeoutSeconds = 2,
        object? settings = null,
        string? partnerCode = null,
        int? memoryLimitMegabytes = null,
        int? cpuSeconds = null)
    {
        var folder = Path.Combine(PluginsDirectory, folderName ?? project);
        CopyBuildOutput(project, folder);
        var manifest = new Dictionary<string, object>
        {
            ["partnerCode"] = partnerCode ?? DefaultPartnerCode(project),
            ["intervalSeconds"] = intervalSeconds,
            ["timeoutSeconds"] = timeoutSeconds,
            ["settings"] = settings ?? new { },
        };
        if (memoryLimitMegabytes is not null)
            manifest["memoryLimitMegabytes"] = memoryLimitMegabytes;
        if (cpuSeconds is not null)
            manifest["cpuSeconds"] = cpuSeconds;
        WriteManifest(folder, manifest);
        return folder;
    }

    /// <summary>Copies a test plug-in's build output over a plug-in folder, as a partner installing a new version does.</summary>
    public void CopyBuildOutput(string project, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(BuiltTestPlugin(project)))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
    }

    public static void WriteManifest(string folder, object manifest) =>
        File.WriteAllText(Path.Combine(folder, "plugin.json"), JsonSerializer.Serialize(manifest));

    /// <summary>Where the host copies plug-ins to when the test does not leave that to its default.</summary>
    public string ShadowCopyDirectory => Path.Combine(_root, "shadow");

    public async Task StartHostAsync(TimeSpan? firstRetryDelay = null, bool defaultShadowCopies = false)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Plugins:Directory"] = PluginsDirectory,
                ["Plugins:ApiAddress"] = Api.Address.ToString(),
                ["Plugins:ShadowCopyDirectory"] = defaultShadowCopies ? null : ShadowCopyDirectory,
                ["Plugins:RescanInterval"] = "00:00:00.5",
                ["Plugins:SettleDelay"] = "00:00:00.2",
                ["Plugins:FirstRetryDelay"] = (firstRetryDelay ?? TimeSpan.FromMilliseconds(200)).ToString(),
                ["Plugins:ReportTimeout"] = "00:00:05",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddPluginHost(configuration, new TestPartnerKeys());
        _services = services.BuildServiceProvider();
        _hostedServices = [.. _services.GetServices<IHostedService>()];
        foreach (var hostedService in _hostedServices)
            await hostedService.StartAsync(CancellationToken.None);
    }

    public async Task StopHostAsync()
    {
        using var deadline = new CancellationTokenSource(DefaultDeadline);
        foreach (var hostedService in _hostedServices)
            await hostedService.StopAsync(deadline.Token);
        _hostedServices = [];
        if (_services is not null)
            await _services.DisposeAsync();
        _services = null;
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails with what the host knows when the deadline passes.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? deadline = null)
    {
        var giveUpAt = DateTime.UtcNow + (deadline ?? DefaultDeadline);
        while (!condition())
        {
            if (DateTime.UtcNow > giveUpAt)
            {
                var states = _services is null ? "host stopped" : string.Join("\n", Status.Plugins);
                var reports = string.Join("\n", Server.Reports.Select(report => $"{report.Report.PluginName} {report.Report.Outcome} {report.Report.Error}"));
                Assert.Fail($"Timed out waiting until {what}.\nPlug-ins:\n{states}\nReports:\n{reports}");
            }

            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopHostAsync();
        await Api.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string DefaultPartnerCode(string project) => project switch
    {
        "Good" or "GoodV2" => "good",
        "ThrowsMidway" => "throws-midway",
        "ThrowsInConstructor" => "throws-in-constructor",
        _ => project.ToLowerInvariant(),
    };

    private sealed class TestPartnerKeys : IPartnerKeySource
    {
        public Task<string> GetKeyAsync(string partnerCode, CancellationToken cancellationToken) => Task.FromResult($"key-{partnerCode}");
    }
}
