using System.Threading.Channels;
using Digibank.Partners.V1;
using Digibank.Plugins.Host.Workers;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Digibank.Plugins.Host;

/// <summary>
/// Supervises every plug-in under the plug-ins folder: runs each on its own schedule, each run in a worker process
/// of its own that syncs with the API's PartnerSync service, and picks up new, replaced and removed plug-in
/// folders while it runs. This process never loads a plug-in's code.
/// </summary>
public sealed class PluginHost : BackgroundService
{
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(10);

    private readonly PluginHostOptions _options;
    private readonly IPartnerKeySource _keys;
    private readonly PluginHostStatus _status;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly string _shadowCopyRoot;
    private readonly Channel<bool> _folderChanged = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    // Touched only by the scan loop in ExecuteAsync.
    private readonly Dictionary<string, PluginSlot> _slots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Fingerprint, DateTimeOffset SeenAt)> _settling = new(StringComparer.Ordinal);
    private int _loads;

    /// <summary>Creates the host; <c>services.AddPluginHost(…)</c> does this for a generic host.</summary>
    public PluginHost(PluginHostOptions options, IPartnerKeySource keys, PluginHostStatus status, ILoggerFactory loggerFactory)
    {
        _options = options;
        _keys = keys;
        _status = status;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<PluginHost>();
        PluginsDirectory = options.ResolvePluginsDirectory();
        _shadowCopyRoot = options.ResolveShadowCopyDirectory();
    }

    /// <summary>The folder the host loads plug-ins from.</summary>
    public string PluginsDirectory { get; }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Directory.CreateDirectory(PluginsDirectory);
        ShadowCopies.RemoveStale(_shadowCopyRoot, _options, _logger);
        using var api = new PartnerSyncApi(_options);
        using var watcher = WatchPluginsDirectory();
        _logger.LogInformation("Plug-in host loads plug-ins from {Directory} and syncs with {Api}", PluginsDirectory, _options.ApiAddress);
        try
        {
            while (true)
            {
                var settling = await ScanAsync(api, stoppingToken);
                _status.Scanned(DateTimeOffset.UtcNow);
                await WaitForFolderChangeAsync(settling ? _options.SettleDelay : _options.RescanInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await Task.WhenAll(_slots.Values.Select(slot => slot.DisposeAsync().AsTask()));
            _slots.Clear();
            TryDeleteDirectory(_shadowCopyRoot);
        }
    }

    /// <summary>Brings the loaded plug-ins in line with the folder; true when a folder is still changing and deserves a quick second look.</summary>
    private async Task<bool> ScanAsync(PartnerSyncApi api, CancellationToken stoppingToken)
    {
        string[] folders;
        try
        {
            folders = Directory.Exists(PluginsDirectory)
                ? [.. Directory.GetDirectories(PluginsDirectory).Where(folder => !Path.GetFileName(folder).StartsWith('.'))]
                : [];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning("Cannot list {Directory}: {Error}", PluginsDirectory, exception.Message);
            return false;
        }

        var present = folders.Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var removed in _slots.Keys.Where(name => !present.Contains(name)).ToList())
        {
            await UnloadAsync(removed);
            _status.Remove(removed);
            _logger.LogInformation("Plug-in {Plugin} was removed and is unloaded", removed);
        }

        foreach (var gone in _settling.Keys.Where(name => !present.Contains(name)).ToList())
            _settling.Remove(gone);

        var settling = false;
        foreach (var folder in folders)
        {
            stoppingToken.ThrowIfCancellationRequested();
            var name = Path.GetFileName(folder);
            var fingerprint = PluginFolder.Fingerprint(folder);
            if (fingerprint is null)
            {
                settling = true;
                continue;
            }

            if (_slots.TryGetValue(name, out var slot) && slot.Fingerprint == fingerprint)
            {
                _settling.Remove(name);
                continue;
            }

            // Debounce: load only what looked the same for a whole settle delay, never a copy in progress.
            var now = DateTimeOffset.UtcNow;
            if (!_settling.TryGetValue(name, out var seen) || seen.Fingerprint != fingerprint)
            {
                _settling[name] = (fingerprint, now);
                settling = true;
                continue;
            }

            if (now - seen.SeenAt < _options.SettleDelay)
            {
                settling = true;
                continue;
            }

            _settling.Remove(name);
            if (slot is not null)
            {
                _logger.LogInformation("Plug-in {Plugin} changed on disk; loading the new version", name);
                await UnloadAsync(name);
            }

            _slots[name] = await LoadAsync(folder, fingerprint, api, stoppingToken);
        }

        return settling;
    }

    private async Task<PluginSlot> LoadAsync(string folder, string fingerprint, PartnerSyncApi api, CancellationToken stoppingToken)
    {
        var name = Path.GetFileName(folder);
        // <root>/<load>/<Name>/: every load its own copy, and <Name>/<Name>.dll stays intact.
        var shadowFolder = Path.Combine(_shadowCopyRoot, $"{++_loads}", name);
        var pluginLogger = _loggerFactory.CreateLogger($"Digibank.Plugins.Host.Plugins.{name}");
        var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        try
        {
            var plugin = await DescribeAsync(folder, shadowFolder, pluginLogger, stoppingToken);
            _status.Set(new PluginState(name, plugin.PartnerCode, PluginLoadState.Loaded, null, plugin.AssemblyPath, DateTimeOffset.UtcNow, NextRunAt: DateTimeOffset.UtcNow));
            _logger.LogInformation(
                "Loaded plug-in {Plugin} for partner {Partner}: every {Interval} s, timeout {Timeout} s, in a worker process of its own",
                name, plugin.PartnerCode, plugin.Manifest.Interval.TotalSeconds, plugin.Manifest.Timeout.TotalSeconds);
            var schedule = new PluginSchedule(plugin, api, _keys, _options, _status, pluginLogger);
            var loop = Task.Run(() => schedule.RunAsync(stop.Token), CancellationToken.None);
            return new PluginSlot(fingerprint, shadowFolder, stop, loop, _logger);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            TryDeleteDirectory(Path.GetDirectoryName(shadowFolder)!);
            var loadException = exception as PluginLoadException;
            var error = loadException?.Message ?? $"Could not load {name}: {exception.Message}";
            _status.Set(new PluginState(name, loadException?.PartnerCode, PluginLoadState.FailedToLoad, error, null, DateTimeOffset.UtcNow));
            _logger.LogError("Plug-in {Plugin} cannot be loaded: {Error}", name, error);

            var report = loadException?.PartnerCode is { } partnerCode
                ? Task.Run(() => ReportLoadFailureAsync(api, name, partnerCode, error, stop.Token), CancellationToken.None)
                : Task.CompletedTask;
            // An unexpected error (a file busy while copying) leaves no fingerprint, so the next scan tries again.
            return new PluginSlot(loadException is null ? null : fingerprint, null, stop, report, _logger);
        }
    }

    /// <summary>Reads the manifest, makes the shadow copy and has a worker load the plug-in and name its partner.</summary>
    private async Task<PluginVersion> DescribeAsync(string folder, string shadowFolder, ILogger pluginLogger, CancellationToken stoppingToken)
    {
        var name = Path.GetFileName(folder);
        var manifest = PluginManifest.ReadWithAssembly(folder);
        PluginFolder.CopyTo(folder, shadowFolder);

        var version = new PluginVersion(name, folder, shadowFolder, manifest, manifest.PartnerCode);
        var worker = await WorkerProcess.RunAsync(version.Request(describe: true, _options, partnerKey: null), pluginLogger, started: null, stoppingToken);
        return worker.Description switch
        {
            { Event: WorkerEvent.Loaded, PartnerCode: { } partnerCode } => version with { PartnerCode = partnerCode },
            { Event: WorkerEvent.LoadFailed } failed => throw new PluginLoadException(failed.Error ?? $"{name} could not be loaded.", failed.PartnerCode ?? manifest.PartnerCode),
            _ => throw new PluginLoadException($"Loading {name} failed: {worker.Failure}", manifest.PartnerCode),
        };
    }

    private Task ReportLoadFailureAsync(PartnerSyncApi api, string name, string partnerCode, string error, CancellationToken stopping)
    {
        var now = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
        var report = new SyncRunReport
        {
            PartnerCode = partnerCode,
            PluginName = name,
            StartedAt = now,
            FinishedAt = now,
            Outcome = SyncRun.ReportedOutcome(SyncOutcome.Failed),
            Error = $"The plug-in could not be loaded: {error}",
        };
        return SyncRun.SendReportAsync(api, _keys, report, _options.ReportTimeout, _logger, stopping);
    }

    private async Task UnloadAsync(string name)
    {
        if (!_slots.Remove(name, out var slot))
            return;
        await slot.DisposeAsync();
    }

    private FileSystemWatcher? WatchPluginsDirectory()
    {
        try
        {
            var watcher = new FileSystemWatcher(PluginsDirectory)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Created += (_, _) => _folderChanged.Writer.TryWrite(true);
            watcher.Changed += (_, _) => _folderChanged.Writer.TryWrite(true);
            watcher.Deleted += (_, _) => _folderChanged.Writer.TryWrite(true);
            watcher.Renamed += (_, _) => _folderChanged.Writer.TryWrite(true);
            watcher.Error += (_, _) => _folderChanged.Writer.TryWrite(true);
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception exception) when (exception is IOException or ArgumentException or PlatformNotSupportedException)
        {
            _logger.LogWarning("Cannot watch {Directory} ({Error}); changes are found by the rescan every {Interval} s", PluginsDirectory, exception.Message, _options.RescanInterval.TotalSeconds);
            return null;
        }
    }

    private async Task WaitForFolderChangeAsync(TimeSpan timeout, CancellationToken stoppingToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timer.CancelAfter(timeout);
        try
        {
            await _folderChanged.Reader.ReadAsync(timer.Token);
            // A copy raises a burst of events: let it pass, then look once.
            await Task.Delay(_options.SettleDelay / 4, stoppingToken);
            _folderChanged.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
        }
    }

    internal static void TryDeleteDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path))
                Directory.Delete(path, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Windows keeps a file while a worker still runs from it; the next start-up removes what is left.
        }
    }

    private sealed class PluginSlot(string? fingerprint, string? shadowFolder, CancellationTokenSource stop, Task work, ILogger logger) : IAsyncDisposable
    {
        public string? Fingerprint { get; } = fingerprint;

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            try
            {
                await work.WaitAsync(StopWait);
            }
            catch (TimeoutException)
            {
                logger.LogWarning("Plug-in {Plugin} did not stop within {Seconds} s; unloading it anyway", Path.GetFileName(shadowFolder), StopWait.TotalSeconds);
            }
            catch (OperationCanceledException)
            {
            }

            stop.Dispose();
            if (shadowFolder is not null)
                TryDeleteDirectory(Path.GetDirectoryName(shadowFolder)!);
        }
    }
}
