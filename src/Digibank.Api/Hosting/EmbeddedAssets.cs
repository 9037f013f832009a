using System.Collections.Frozen;
using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Digibank.Api.Hosting;

/// <summary>
/// A file embedded in the API's assembly: its bytes and content type. A text file also travels compressed (Brotli or
/// gzip, whichever the client takes), compressed once when it is first asked for; the IDE's scripts are 7 MB as they
/// are, which a digibank's own connection should not have to carry on every first visit.
/// </summary>
public sealed class EmbeddedAsset
{
    private readonly string _hash;
    private readonly Lazy<byte[]?> _brotli;
    private readonly Lazy<byte[]?> _gzip;

    public EmbeddedAsset(byte[] content, string contentType)
    {
        Content = content;
        ContentType = contentType;
        _hash = Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 16));
        var compressible = contentType.StartsWith("text/", StringComparison.Ordinal) || contentType.StartsWith("image/svg", StringComparison.Ordinal);
        _brotli = new(() => compressible ? Compress(content, output => new BrotliStream(output, CompressionLevel.Optimal, leaveOpen: true)) : null);
        _gzip = new(() => compressible ? Compress(content, output => new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)) : null);
    }

    public byte[] Content { get; }

    public string ContentType { get; }

    /// <summary>
    /// The file in the encoding the request accepts, with an ETag of that encoding (each encoding is a representation of
    /// its own), or 304 when the client holds it already. The caller sets the other headers.
    /// </summary>
    public IResult Serve(HttpContext http)
    {
        var (content, encoding) = http.Request.GetTypedHeaders().AcceptEncoding switch
        {
            var accepted when Accepts(accepted, "br") && _brotli.Value is { } brotli => (brotli, "br"),
            var accepted when Accepts(accepted, "gzip") && _gzip.Value is { } gzip => (gzip, "gzip"),
            _ => (Content, null),
        };
        var headers = http.Response.Headers;
        var etag = new EntityTagHeaderValue(encoding is null ? $"\"{_hash}\"" : $"\"{_hash}-{encoding}\"");
        headers.ETag = etag.ToString();
        headers.Vary = HeaderNames.AcceptEncoding;
        if (EntityTags.ClientHolds(http.Request, etag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        if (encoding is not null)
        {
            headers.ContentEncoding = encoding;
        }

        return Results.Bytes(content, ContentType);
    }

    private static bool Accepts(IList<StringWithQualityHeaderValue> accepted, string encoding) =>
        accepted.Any(value => value.Quality is not 0 && value.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase));

    private static byte[]? Compress(byte[] content, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var compressing = compressor(output))
        {
            compressing.Write(content);
        }

        // Small files can come out larger; those travel as they are.
        return output.Length < content.Length ? output.ToArray() : null;
    }
}

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
            assets[file] = new EmbeddedAsset(content, ContentTypes.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream"));
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
