using Microsoft.Net.Http.Headers;

namespace Digibank.Api.Hosting;

public static class EntityTags
{
    /// <summary>Whether the client already holds this version (<c>If-None-Match</c> names it, weakly, or is <c>*</c>): answer 304.</summary>
    public static bool ClientHolds(HttpRequest request, EntityTagHeaderValue etag) =>
        request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
}
