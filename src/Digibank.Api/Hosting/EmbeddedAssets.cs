using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Digibank.Api.Hosting;

/// <summary>A file embedded in the API's assembly: its bytes, its content type and an ETag of its bytes.</summary>
public sealed record EmbeddedAsset(byte[] Content, string ContentType, EntityTagHeaderValue ETag);

public static class EntityTags
{
    /// <summary>Whether the client already holds this version (<c>If-None-Match</c> names it, weakly, or is <c>*</c>): answer 304.</summary>
    public static bool ClientHolds(HttpRequest request, EntityTagHeaderValue etag) =>
        request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
}

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
            var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 16))}\"");
            assets[file] = new EmbeddedAsset(content, ContentTypes.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream"), etag);
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
