using System.Collections.Frozen;
using Digibank.Api.GraphQL;
using Digibank.Api.Hosting;

namespace Digibank.Api.Dashboard;

/// <summary>
/// The coordinator's live dashboard: three static files (HTML, CSS, JavaScript) embedded in the API,
/// which read <c>/graphql</c> over HTTP and over WebSocket from the browser.
/// </summary>
public static class DashboardEndpoints
{
    public const string Path = "/dashboard";

    private static readonly FrozenDictionary<string, EmbeddedAsset> Assets = EmbeddedAssets.Load("Digibank.Api.Dashboard/");

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods(Path, methods, (HttpContext http) => Serve(http, "index.html"));
        app.MapMethods($"{Path}/{{file}}", methods, (HttpContext http, string file) => Serve(http, file));
        return app;
    }

    private static IResult Serve(HttpContext http, string file)
    {
        if (!Assets.TryGetValue(file, out var asset))
        {
            return Results.NotFound();
        }

        var headers = http.Response.Headers;
        var socketScheme = http.Request.IsHttps ? "wss" : "ws";
        // Nothing but this origin: the page loads no third-party code and talks only to its own API.
        headers.ContentSecurityPolicy =
            $"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
            $"connect-src 'self' {socketScheme}://{http.Request.Host}{GraphQLSetup.Path}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        // The staff token may arrive in the address (?token=); no other site may see it in a Referer.
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-cache";
        return asset.Serve(http);
    }
}
