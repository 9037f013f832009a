namespace Digibank.Plugins;

/// <summary>What the host gives a plug-in on each run.</summary>
/// <param name="Settings">Settings from the plug-in's <c>plugin.json</c> (<c>"settings": { … }</c>), e.g. a file name.</param>
/// <param name="DataFolder">The plug-in's own folder for input files, outboxes and state; it exists.</param>
/// <param name="Log">Where the plug-in reports what it does; the messages appear in the host's log.</param>
public sealed record PluginContext(IReadOnlyDictionary<string, string> Settings, string DataFolder, IPluginLog Log)
{
    /// <summary>A setting, or <paramref name="fallback"/> when the plug-in's configuration does not name it.</summary>
    public string Setting(string name, string fallback) => Settings.TryGetValue(name, out var value) && value.Length > 0 ? value : fallback;
}
