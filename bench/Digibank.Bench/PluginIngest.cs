using System.Diagnostics;
using System.Text.Json;
using Digibank.Plugins.Host;
using Digibank.Plugins.Host.Workers;
using Microsoft.Extensions.Logging.Abstractions;

namespace Digibank.Bench;

/// <summary>
/// One partner plug-in's snapshot of 100,000 offers, run as the host runs it: in the benchmark's own process (as
/// the host did before worker processes) and in a worker process of its own. Every measured run replaces the
/// 100,000 courses of the run before it, so both paths do the same work.
/// </summary>
internal sealed class PluginIngest(string codeFolder, string dataFolder, Uri api, string key, int offerCount)
{
    private const string PartnerCode = "ligo";

    public static async Task<PluginIngest> PrepareAsync(string workFolder, LoopbackApi api, int offerCount)
    {
        var built = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "bench-plugins", "Digibank.Bench.Plugin"));
        var code = Path.Combine(workFolder, "code", "Digibank.Bench.Plugin");
        var data = Path.Combine(workFolder, "data", "Digibank.Bench.Plugin");
        Directory.CreateDirectory(code);
        Directory.CreateDirectory(data);
        foreach (var file in Directory.GetFiles(built))
            File.Copy(file, Path.Combine(code, Path.GetFileName(file)));
        var ingest = new PluginIngest(code, data, api.Grpc, await IngestBenchmark.IssueKeyAsync(api, PartnerCode), offerCount);
        // Not measured: the partner's first 100,000 courses, which the first measured run replaces.
        await ingest.RunInWorkerAsync("WARM-UP");
        return ingest;
    }

    public async Task<double> RunInProcessAsync(string prefix)
    {
        WriteManifest(prefix);
        var clock = Stopwatch.StartNew();
        var plugin = await LoadedPlugin.LoadAsync(codeFolder, dataFolder, CancellationToken.None);
        using var syncApi = new PartnerSyncApi(new PluginHostOptions { ApiAddress = api });
        var result = await new SyncRun(plugin, syncApi, new FixedPartnerKey(key), NullLogger.Instance).ExecuteAsync(CancellationToken.None);
        var seconds = clock.Elapsed.TotalSeconds;
        Check(result, prefix);
        return seconds;
    }

    public async Task<double> RunInWorkerAsync(string prefix)
    {
        var manifest = WriteManifest(prefix);
        var version = new PluginVersion("Digibank.Bench.Plugin", dataFolder, codeFolder, manifest, PartnerCode);
        var clock = Stopwatch.StartNew();
        var outcome = await WorkerProcess.RunAsync(version.Request(describe: false, new PluginHostOptions { ApiAddress = api }, key), NullLogger.Instance, started: null, CancellationToken.None);
        var seconds = clock.Elapsed.TotalSeconds;
        Check(outcome.Result ?? throw new InvalidOperationException($"The worker ended without a result: {outcome.Failure}"), prefix);
        return seconds;
    }

    private PluginManifest WriteManifest(string prefix)
    {
        File.WriteAllText(Path.Combine(codeFolder, PluginManifest.FileName), JsonSerializer.Serialize(new
        {
            partnerCode = PartnerCode,
            timeoutSeconds = 600,
            settings = new { count = offerCount.ToString(System.Globalization.CultureInfo.InvariantCulture), prefix },
        }));
        return PluginManifest.Read(codeFolder);
    }

    private void Check(WorkerRunResult result, string prefix)
    {
        if (result.Outcome != SyncOutcome.Succeeded || result.OffersCreated != offerCount || (prefix != "WARM-UP" && result.OffersWithdrawn != offerCount))
            throw new InvalidOperationException($"The {prefix} run ended {result.Outcome}: {result.OffersCreated} created, {result.OffersWithdrawn} withdrawn, {result.OffersRejected} rejected. {result.Error}");
    }
}
