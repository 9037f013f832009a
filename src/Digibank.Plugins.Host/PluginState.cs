namespace Digibank.Plugins.Host;

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
