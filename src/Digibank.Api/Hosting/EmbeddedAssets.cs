using System.Collections.Frozen;

namespace Digibank.Api.Hosting;

/// <summary>
/// The files a page of the API serves (the dashboard, the in-browser IDE) travel inside the assembly, so they are
/// served whatever the content root; they are read once, by their path below the page's resource prefix.
/// </summary>
public static class EmbeddedAssets
{
    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".ttf"] = "font/ttf",
        [".woff"] = "font/woff",
        [".woff2"] = "font/woff2",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The resources named <paramref name="prefix"/> and a path, by that path (<c>index.html</c>, <c>assets/app.js</c>).</summary>
    public static FrozenDictionary<string, EmbeddedAsset> Load(string prefix)
    {
        var assembly = typeof(EmbeddedAssets).Assembly;
        var assets = new Dictionary<string, EmbeddedAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var file = name[prefix.Length..];
            assets[file] = new EmbeddedAsset(content, ContentTypes.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream"));
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
