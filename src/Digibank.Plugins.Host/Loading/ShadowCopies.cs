using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Digibank.Plugins.Host;

/// <summary>
/// The shadow copies a host leaves behind when it is killed: by default each host copies into
/// <c>&lt;temp&gt;/digibank-plugin-host/&lt;process id&gt;-&lt;guid&gt;/</c>, so at start-up the folders of processes
/// that no longer run can be told apart from those of hosts still running, and removed.
/// </summary>
internal static class ShadowCopies
{
    public static string DefaultParent => Path.Combine(Path.GetTempPath(), "digibank-plugin-host");

    public static void RemoveStale(string ownRoot, PluginHostOptions options, ILogger logger)
    {
        // A configured folder belongs to this host alone: whatever is in it is from an earlier start.
        if (!string.IsNullOrWhiteSpace(options.ShadowCopyDirectory))
        {
            PluginHost.TryDeleteDirectory(ownRoot);
            return;
        }

        if (!Directory.Exists(DefaultParent))
            return;
        var removed = 0;
        foreach (var folder in Directory.EnumerateDirectories(DefaultParent))
        {
            if (string.Equals(folder, ownRoot, StringComparison.Ordinal) || OwnerRuns(folder))
                continue;
            PluginHost.TryDeleteDirectory(folder);
            removed += Directory.Exists(folder) ? 0 : 1;
        }

        if (removed > 0)
            logger.LogInformation("Removed {Count} shadow copies left by plug-in hosts that no longer run", removed);
    }

    private static bool OwnerRuns(string folder)
    {
        var name = Path.GetFileName(folder);
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || !int.TryParse(name.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var processId))
            return true; // not one of ours: leave it
        try
        {
            using var process = Process.GetProcessById(processId);
            // A process id comes back in use by another process: the owner must have started before its folder.
            return !process.HasExited && process.StartTime.ToUniversalTime() <= Directory.GetCreationTimeUtc(folder).AddSeconds(1);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return false;
        }
    }
}
