using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Digibank.Plugins.Host.Tests.Workers;

public sealed class OrphanedWorkerTests
{
    [Fact]
    public async Task A_worker_whose_host_is_gone_exits_by_itself()
    {
        // The host holds the worker's standard input; a host that is killed closes it without a word.
        await using var harness = await PluginHostHarness.CreateAsync();
        var folder = harness.AddPlugin("Hangs", timeoutSeconds: 600);
        var dotnet = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", "dotnet"));
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { typeof(PluginHost).Assembly.Location, "worker", "run", "--code", folder, "--data", folder, "--api", harness.Api.Address.ToString() })
            start.ArgumentList.Add(argument);
        using var worker = Process.Start(start)!;
        var loaded = await worker.StandardOutput.ReadLineAsync();
        Assert.Contains("\"event\":\"Loaded\"", loaded, StringComparison.Ordinal);

        worker.StandardInput.Close();

        Assert.True(worker.WaitForExit(TimeSpan.FromSeconds(10)), "the worker still runs without its host");
        Assert.Equal(3, worker.ExitCode);
    }
}
