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
