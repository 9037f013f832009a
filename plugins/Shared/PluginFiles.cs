using System.Text;

namespace Digibank.Plugins.Shared;

/// <summary>Where a plug-in finds its input, and how it writes its outbox without leaving half a file behind.</summary>
internal static class PluginFiles
{
    /// <summary>
    /// The input file <paramref name="fileName"/> in the data folder. When the main input file is not there yet (a fresh
    /// clone, a new installation), the plug-in's sample files are copied in first, so the demo syncs without set-up.
    /// </summary>
    public static string InputPath(PluginContext context, string fileName, string mainFileName, Type pluginType)
    {
        var mainPath = Path.Combine(context.DataFolder, mainFileName);
        if (!File.Exists(mainPath))
        {
            CopySamples(context, pluginType);
        }

        return Path.Combine(context.DataFolder, fileName);
    }

    /// <summary>The plug-in's sample folder: the <c>samplesFolder</c> setting, or <c>samples/</c> beside the plug-in's dll.</summary>
    public static string? SamplesFolder(PluginContext context, Type pluginType)
    {
        var configured = context.Setting("samplesFolder", string.Empty);
        if (configured.Length > 0)
        {
            return Path.IsPathRooted(configured) ? configured : Path.Combine(context.DataFolder, configured);
        }

        // Empty when the host loaded the assembly from memory; then there is nothing to copy.
        var location = pluginType.Assembly.Location;
        return location.Length == 0 ? null : Path.Combine(Path.GetDirectoryName(location)!, "samples");
    }

    private static void CopySamples(PluginContext context, Type pluginType)
    {
        var samples = SamplesFolder(context, pluginType);
        if (samples is null || !Directory.Exists(samples))
        {
            return;
        }

        var copied = new List<string>();
        foreach (var source in Directory.EnumerateFiles(samples))
        {
            var target = Path.Combine(context.DataFolder, Path.GetFileName(source));
            if (!File.Exists(target))
            {
                File.Copy(source, target);
                copied.Add(Path.GetFileName(source));
            }
        }

        if (copied.Count > 0)
        {
            copied.Sort(StringComparer.Ordinal);
            context.Log.Info($"No input in {context.DataFolder} yet: copied the sample files {string.Join(", ", copied)}.");
        }
    }

    /// <summary>The outbox file <paramref name="relativePath"/> in the data folder, with its folder created.</summary>
    public static string OutboxPath(PluginContext context, string relativePath)
    {
        var path = Path.Combine(context.DataFolder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    /// <summary>
    /// Appends <paramref name="lines"/> in one write, preceded by <paramref name="header"/> when the file is new or empty.
    /// </summary>
    public static async Task AppendAsync(string path, string header, string lines, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        var text = stream.Length == 0 ? header + lines : lines;
        // No byte order mark: appended files would get one in the middle; Excel reads the UTF-8 header fine.
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
        await stream.WriteAsync(bytes, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    /// <summary>Replaces <paramref name="path"/> with <paramref name="content"/> in one step: write beside it, then move over it.</summary>
    public static async Task ReplaceAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await stream.WriteAsync(content, cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
