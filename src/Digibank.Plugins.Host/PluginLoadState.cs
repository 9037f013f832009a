namespace Digibank.Plugins.Host;

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
