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
