using System.Collections.Frozen;
using Digibank.Api.Hosting;

namespace Digibank.Api.GraphQL.Ide;

/// <summary>
/// GraphiQL, the in-browser GraphQL IDE, for a browser that opens <c>/graphql</c>: the page and its files are built
/// from npm's <c>graphiql</c> into <c>wwwroot</c> (see <c>build/</c>) and travel inside the assembly.
/// </summary>
public static class GraphiQLPage
{
    public const string AssetsPath = GraphQLSetup.Path + "/ide/assets";

    private const string ResourcePrefix = "Digibank.Api.GraphQL.Ide/";

    // About 7 MB: read on the first visit, not at every start of the API.
    private static readonly Lazy<FrozenDictionary<string, EmbeddedAsset>> Assets = new(() => EmbeddedAssets.Load(ResourcePrefix));

    /// <summary>
    /// A person who opened the address in a browser, rather than a GraphQL client: a GET that asks for HTML and carries no
    /// GraphQL request. A client that sends no Accept or <c>*/*</c> still gets GraphQL.
    /// </summary>
    public static bool IsBrowserNavigation(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && !request.HttpContext.WebSockets.IsWebSocketRequest
        && !request.Query.ContainsKey("query")
        && !request.Query.ContainsKey("documentId")
        && request.GetTypedHeaders().Accept.Any(value => value.Quality is not 0 && value.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    public static Task WriteAsync(HttpContext http) => Serve(http, "index.html").ExecuteAsync(http);

    public static IEndpointRouteBuilder MapGraphiQLAssets(this IEndpointRouteBuilder app)
    {
        app.MapMethods($"{AssetsPath}/{{file}}", [HttpMethods.Get, HttpMethods.Head], (HttpContext http, string file) => Serve(http, $"assets/{file}"));
        return app;
    }

    private static IResult Serve(HttpContext http, string file)
    {
        if (!Assets.Value.TryGetValue(file, out var asset))
        {
            return Results.NotFound();
        }

        var headers = http.Response.Headers;
        var socketScheme = http.Request.IsHttps ? "wss" : "ws";
        // Nothing but this origin, Monaco's workers included. Monaco writes <style> elements as it runs, so styles need 'unsafe-inline';
        // GraphiQL's fonts and icons are data: URLs in its stylesheet.
        headers.ContentSecurityPolicy =
            "default-src 'none'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
            $"connect-src 'self' {socketScheme}://{http.Request.Host}{GraphQLSetup.Path}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        // Every file but the page has its content hash in its name, so a changed file has a new address.
        headers.CacheControl = file == "index.html" ? "no-cache" : "public, max-age=31536000, immutable";
        return asset.Serve(http);
    }
}
