using Digibank.Plugins.Host.Workers;

namespace Digibank.Plugins.Host;

/// <summary>
/// One version of a plug-in as the host knows it: its manifest, the shadow copy its workers load, and the partner
/// a worker said it is for. The host itself never loads the plug-in's code.
/// </summary>
internal sealed record PluginVersion(string Name, string DataFolder, string CodeFolder, PluginManifest Manifest, string? PartnerCode)
{
    public string AssemblyPath => PluginFolder.AssemblyPath(CodeFolder);

    /// <summary>
    /// The run's timeout plus the grace to start and answer; processor time as the manifest asks, else one whole core
    /// for all that time (starting and loading take processor time too); memory as the manifest asks, never more
    /// than the host allows.
    /// </summary>
    public WorkerLimits Limits(PluginHostOptions options) => new(
        Manifest.Timeout + options.WorkerGracePeriod,
        Manifest.CpuBudget ?? Manifest.Timeout + options.WorkerGracePeriod,
        Math.Min(Manifest.MemoryLimitMegabytes ?? options.WorkerMemoryLimitMegabytes, options.WorkerMemoryLimitMegabytes) * 1024L * 1024);

    /// <summary>What a worker of this version is to do; its temp folder is a fresh one beside the shadow copy (no plug-in folder starts with a dot), so it goes with the copy too.</summary>
    public WorkerRequest Request(bool describe, PluginHostOptions options, string? partnerKey) =>
        new(describe, CodeFolder, DataFolder, Path.Combine(Path.GetDirectoryName(CodeFolder)!, ".temp", Guid.NewGuid().ToString("N")), options.ApiAddress, partnerKey, Limits(options));
}
