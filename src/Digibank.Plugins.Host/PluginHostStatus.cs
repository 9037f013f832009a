using System.Collections.Concurrent;

namespace Digibank.Plugins.Host;

/// <summary>The state of every plug-in the host knows, kept in memory for logs, health and tests.</summary>
public sealed class PluginHostStatus
{
    private readonly ConcurrentDictionary<string, PluginState> _plugins = new(StringComparer.Ordinal);
    private long _lastScanTicks;

    /// <summary>All plug-ins, by name.</summary>
    public IReadOnlyList<PluginState> Plugins => [.. _plugins.Values.OrderBy(plugin => plugin.Name, StringComparer.Ordinal)];

    /// <summary>When the host last looked through the plug-ins folder; null before its first look.</summary>
    public DateTimeOffset? LastScanAt => Interlocked.Read(ref _lastScanTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>The state of the plug-in in folder <paramref name="name"/>, or null when the host does not know it.</summary>
    public PluginState? Find(string name) => _plugins.TryGetValue(name, out var state) ? state : null;

    internal void Set(PluginState state) => _plugins[state.Name] = state;

    internal void Update(string name, Func<PluginState, PluginState> change)
    {
        while (_plugins.TryGetValue(name, out var current))
        {
            if (_plugins.TryUpdate(name, change(current), current))
                return;
        }
    }

    internal void Remove(string name) => _plugins.TryRemove(name, out _);

    internal void Scanned(DateTimeOffset at) => Interlocked.Exchange(ref _lastScanTicks, at.UtcTicks);
}

/// <summary>One plug-in as the host sees it.</summary>
/// <param name="Name">The plug-in's folder name, which is also its assembly name.</param>
/// <param name="PartnerCode">The partner it syncs for, once known.</param>
/// <param name="Load">Whether it is loaded, or quarantined.</param>
/// <param name="LoadError">Why it could not be loaded, or null.</param>
/// <param name="LoadedFrom">The shadow copy of the assembly that is running, or null.</param>
/// <param name="LoadedAt">When the current version was loaded (or failed to load).</param>
/// <param name="LastRunStartedAt">Start of the last finished run.</param>
/// <param name="LastRunFinishedAt">End of the last finished run.</param>
/// <param name="LastOutcome">How the last run ended.</param>
/// <param name="LastError">The last run's error message, or null.</param>
/// <param name="ConsecutiveFailures">Failed or timed-out runs since the last success.</param>
/// <param name="Runs">Runs finished since the current version was loaded.</param>
/// <param name="NextRunAt">When the next run starts; null while quarantined.</param>
/// <param name="WorkerProcessId">The worker process of the run in progress, or null between runs.</param>
public sealed record PluginState(
    string Name,
    string? PartnerCode,
    PluginLoadState Load,
    string? LoadError,
    string? LoadedFrom,
    DateTimeOffset LoadedAt,
    DateTimeOffset? LastRunStartedAt = null,
    DateTimeOffset? LastRunFinishedAt = null,
    SyncOutcome? LastOutcome = null,
    string? LastError = null,
    int ConsecutiveFailures = 0,
    int Runs = 0,
    DateTimeOffset? NextRunAt = null,
    int? WorkerProcessId = null);

/// <summary>Whether a plug-in could be loaded.</summary>
public enum PluginLoadState
{
    /// <summary>Loaded and running on its schedule.</summary>
    Loaded,

    /// <summary>Its folder, <c>plugin.json</c> or assembly is not usable; see <see cref="PluginState.LoadError"/>.</summary>
    FailedToLoad,

    /// <summary>Its worker crashed, passed a limit or timed out too often in a row; it stays stopped until its files change. See <see cref="PluginState.LoadError"/>.</summary>
    Quarantined,
}

/// <summary>How a run ended, as reported to the API.</summary>
public enum SyncOutcome
{
    /// <summary>Offers, sign-ups and sign-up changes all went through.</summary>
    Succeeded,

    /// <summary>The plug-in or the API failed.</summary>
    Failed,

    /// <summary>The run did not finish within the plug-in's timeout.</summary>
    TimedOut,

    /// <summary>The API held back a snapshot that would withdraw most of the partner's courses until a coordinator confirms it.</summary>
    NeedsConfirmation,

    /// <summary>The host stopped running the plug-in after repeated crashes or timeouts.</summary>
    Quarantined,
}
