namespace Digibank.Plugins.Host.Tests.Workers;

/// <summary>Files a plug-in leaves in its temp folder (an unpacked export, an SDK's cache) go with its worker, however the run ends.</summary>
public sealed class WorkerTempFolderTests
{
    [Theory]
    [InlineData("none", 30, null, "SUCCEEDED")]
    [InlineData("throw", 30, null, "FAILED")]
    [InlineData("io", 1, null, "TIMED_OUT")]
    [InlineData("thread", 30, null, "FAILED")]
    [InlineData("spin-everywhere", 60, 1, "FAILED")]
    public async Task Temp_files_a_plugin_writes_are_gone_once_its_run_is_reported(string fault, int timeoutSeconds, int? cpuSeconds, string outcome)
    {
        await using var harness = await PluginHostHarness.CreateAsync();
        var folder = harness.AddPlugin("Faulty", partnerCode: "faulty", intervalSeconds: 600, timeoutSeconds: timeoutSeconds, cpuSeconds: cpuSeconds, settings: new { fault, tempFiles = "write" });
        // No retry before the test has looked: the next run would write files of its own.
        await harness.StartHostAsync(firstRetryDelay: TimeSpan.FromMinutes(10));

        await harness.WaitUntilAsync(() => harness.Server.ReportsFor("faulty").Count > 0, "the run was reported");

        Assert.Equal(outcome, harness.Server.ReportsFor("faulty").Single().Outcome);
        string[] written = File.ReadAllLines(Path.Combine(folder, "temp-files.txt"));
        Assert.Equal(2, written.Length);
        Assert.All(written, path => Assert.StartsWith(harness.ShadowCopyDirectory + Path.DirectorySeparatorChar, path, StringComparison.Ordinal));
        Assert.All(written, path => Assert.False(File.Exists(path) || Directory.Exists(path), $"{path} was left behind"));
        Assert.False(Directory.Exists(Path.GetDirectoryName(written[0])), "the run's temp folder was left behind");
    }
}
