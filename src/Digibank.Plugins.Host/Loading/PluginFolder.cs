using System.Security.Cryptography;
using System.Text;

namespace Digibank.Plugins.Host;

/// <summary>A plug-in's folder on disk: <c>&lt;Name&gt;/&lt;Name&gt;.dll</c>, <c>plugin.json</c> and whatever the plug-in ships or keeps.</summary>
internal static class PluginFolder
{
    // Only what makes up the code and its configuration: the plug-in's data files (its input, outbox,
    // the host's cursor) change all the time and must not make the host reload it.
    private static readonly string[] CodeExtensions = [".dll", ".so", ".dylib", ".deps.json", ".runtimeconfig.json"];

    public static string AssemblyPath(string folder) => Path.Combine(folder, Path.GetFileName(folder) + ".dll");

    /// <summary>A hash of the names and contents of the folder's code files; null when a file is busy being written.</summary>
    public static string? Fingerprint(string folder)
    {
        try
        {
            var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Select(path => (Relative: Path.GetRelativePath(folder, path), Path: path))
                .Where(file => IsCode(file.Relative))
                .OrderBy(file => file.Relative, StringComparer.Ordinal);

            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (var file in files)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(file.Relative + "\0"));
                using var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                var buffer = new byte[81920];
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                    hash.AppendData(buffer, 0, read);
            }

            return Convert.ToHexString(hash.GetHashAndReset());
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Copies the folder (but not the host's own state) to <paramref name="destination"/>.</summary>
    public static void CopyTo(string folder, string destination)
    {
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, path);
            if (relative == SyncStateFile.FileName)
                continue;
            var target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(path, target, overwrite: true);
        }
    }

    private static bool IsCode(string relativePath) =>
        string.Equals(Path.GetFileName(relativePath), PluginManifest.FileName, StringComparison.OrdinalIgnoreCase)
        || CodeExtensions.Any(extension => relativePath.EndsWith(extension, StringComparison.OrdinalIgnoreCase));
}
