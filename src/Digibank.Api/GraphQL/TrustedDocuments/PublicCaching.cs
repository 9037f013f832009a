using System.IO.Hashing;
using Digibank.Api.Hosting;
using GraphQL;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Digibank.Api.GraphQL.TrustedDocuments;

/// <summary>
/// HTTP caching for the public catalogue: an anonymous GET of a trusted query that ran without errors is
/// cacheable by browsers and CDNs (<c>Cache-Control: public</c>, an <c>ETag</c> of the answer), and a client
/// that already holds that answer (<c>If-None-Match</c>) gets 304 without a body.
/// </summary>
public sealed class PublicCaching(IGraphQLTextSerializer serializer, IOptions<TrustedDocumentOptions> options)
{
    /// <summary>
    /// Only a trusted document can be cached: its URL is short and the same for every visitor, and the partner
    /// registered it. A signed-in caller's answers are theirs alone, and a POST is never cached.
    /// </summary>
    public static bool IsCacheable(HttpContext http, ExecutionOptions execution, ExecutionResult result) =>
        HttpMethods.IsGet(http.Request.Method)
        && http.Response.StatusCode == StatusCodes.Status200OK
        && http.Request.Headers.Authorization.Count == 0
        && execution.UserContext.ContainsKey(TrustedDocumentResolution.TrustedDocumentIdKey)
        && result.Executed
        && result.Errors is not { Count: > 0 };

    public async Task WriteCacheableAsync(HttpContext http, ExecutionResult result)
    {
        using var body = new MemoryStream();
        await serializer.WriteAsync(body, result, http.RequestAborted);
        var answer = body.GetBuffer().AsMemory(0, (int)body.Length);

        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(XxHash128.Hash(answer.Span))}\"");
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = options.Value.CacheMaxAge };
        http.Response.Headers.Vary = "Accept, Authorization";

        if (EntityTags.ClientHolds(http.Request, etag))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            http.Response.ContentType = null;
            return;
        }

        http.Response.ContentLength = answer.Length;
        await http.Response.Body.WriteAsync(answer, http.RequestAborted);
    }
}
