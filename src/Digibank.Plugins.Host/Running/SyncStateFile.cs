using System.Text.Json;

namespace Digibank.Plugins.Host;

/// <summary>The host's state for one plug-in, in the plug-in's data folder so it survives restarts and new versions.</summary>
internal static class SyncStateFile
{
    public const string FileName = ".digibank-sync-state.json";

    /// <summary>The cursor of the last sign-up change the plug-in wrote; 0 when there is none yet.</summary>
    public static long ReadCursor(string dataFolder)
    {
        var path = Path.Combine(dataFolder, FileName);
        if (!File.Exists(path))
            return 0;
        try
        {
            return JsonSerializer.Deserialize<SyncState>(File.ReadAllText(path))?.SignUpChangesCursor ?? 0;
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{FileName} in {dataFolder} is damaged ({exception.Message}); delete it to receive all sign-up changes again.");
        }
    }

    public static void WriteCursor(string dataFolder, long cursor)
    {
        var path = Path.Combine(dataFolder, FileName);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(new SyncState(cursor)));
        // A rename replaces the file in one step, so a crash never leaves half a cursor.
        File.Move(temporary, path, overwrite: true);
    }

    private sealed record SyncState(long SignUpChangesCursor);
}
