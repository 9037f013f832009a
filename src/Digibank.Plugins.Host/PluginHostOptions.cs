namespace Digibank.Plugins.Host;

/// <summary>How the plug-in host finds plug-ins and reaches the API; bound from the <c>Plugins</c> configuration section.</summary>
public sealed class PluginHostOptions
{
    /// <summary>The configuration section the options are read from.</summary>
    public const string SectionName = "Plugins";

    /// <summary>The folder with one sub-folder per plug-in (<c>&lt;Name&gt;/&lt;Name&gt;.dll</c> and <c>&lt;Name&gt;/plugin.json</c>). Defaults to <c>plugins</c> beside the host's assemblies.</summary>
    public string? Directory { get; set; }

    /// <summary>The address of the API's gRPC endpoint (HTTP/2).</summary>
    public Uri ApiAddress { get; set; } = new("http://127.0.0.1:5081");

    /// <summary>Where plug-in folders are copied before loading, so the originals can be replaced while loaded, and where each worker gets its own temp folder. Defaults to a fresh folder under the temp folder.</summary>
    public string? ShadowCopyDirectory { get; set; }

    /// <summary>How often the plug-ins folder is rescanned when the file watcher reports nothing.</summary>
    public TimeSpan RescanInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a plug-in folder must stay unchanged before it is (re)loaded, so a copy in progress is not loaded half-way.</summary>
    public TimeSpan SettleDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait before the first retry of a failed run; it doubles on every further failure, up to the plug-in's interval.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long reporting a run to the API may take.</summary>
    public TimeSpan ReportTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The most memory a plug-in's worker process may use for its managed heap, in megabytes (its <c>plugin.json</c> may ask for less).</summary>
    public int WorkerMemoryLimitMegabytes { get; set; } = 512;

    /// <summary>How long past its run timeout a worker may take to start, load and answer before it is killed.</summary>
    public TimeSpan WorkerGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Worker crashes in a row (an uncaught exception, a limit passed) after which a plug-in is quarantined until its files change.</summary>
    public int QuarantineAfterCrashes { get; set; } = 3;

    /// <summary>Runs in a row that do not finish within the plug-in's timeout after which it is quarantined until its files change; any run that finishes starts the count again.</summary>
    public int QuarantineAfterTimeouts { get; set; } = 3;

    internal string ResolvePluginsDirectory() =>
        string.IsNullOrWhiteSpace(Directory)
            ? Path.Combine(AppContext.BaseDirectory, "plugins")
            : Path.GetFullPath(Directory);

    internal string ResolveShadowCopyDirectory() =>
        string.IsNullOrWhiteSpace(ShadowCopyDirectory)
            ? Path.Combine(ShadowCopies.DefaultParent, $"{Environment.ProcessId}-{Guid.NewGuid():N}")
            : Path.GetFullPath(ShadowCopyDirectory);
}
