using System.Collections.Frozen;
using System.Text;
using Digibank.Api.GraphQL;
using Digibank.Api.Hosting;
using Digibank.Api.Staff;

namespace Digibank.Api.Dashboard;

/// <summary>
/// The live dashboard of one region: three static files (HTML, CSS, JavaScript) embedded in the API, which read
/// <c>/graphql</c> over HTTP and over WebSocket from the browser. The page itself is written for its region: the
/// region of the staff token it is opened with, or the one chosen by code (<c>?region=poperinge</c>), or the only one;
/// with several regions and none chosen it lists them.
/// </summary>
public static class DashboardEndpoints
{
    public const string Path = "/dashboard";

    private static readonly FrozenDictionary<string, EmbeddedAsset> Assets = EmbeddedAssets.Load("Digibank.Api.Dashboard/");

    private static readonly string Template = Encoding.UTF8.GetString(Assets["index.html"].Content);

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods(Path, methods, (Func<HttpContext, Task<IResult>>)PageAsync);
        app.MapMethods($"{Path}/{{file}}", methods, (HttpContext http, string file) => file == "index.html" ? PageAsync(http) : Task.FromResult(Serve(http, file)));
        return app;
    }

    private static async Task<IResult> PageAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var cancellationToken = http.RequestAborted;
        var code = http.Request.Query["region"].ToString() is { Length: > 0 } asked ? asked : null;
        var tokenRegion = code is null ? await TokenRegionAsync(http) : null;
        if (code is not null || tokenRegion is not null)
        {
            if (await DashboardRegions.FindAsync(services, code, code is null ? tokenRegion : null, cancellationToken) is { } shown)
            {
                return Html(http, DashboardPage.ForRegion(Template, shown), StatusCodes.Status200OK);
            }
        }

        var regions = await DashboardRegions.AllAsync(services, cancellationToken);
        if (code is null && regions.Count == 1)
        {
            return Html(http, DashboardPage.ForRegion(Template, (await DashboardRegions.FindAsync(services, null, regions[0].Id, cancellationToken))!), StatusCodes.Status200OK);
        }

        return Html(http, DashboardPage.Choice(regions, code), code is null ? StatusCodes.Status200OK : StatusCodes.Status404NotFound);
    }

    /// <summary>The region of the staff token the page is opened with, in the address (<c>?token=</c>) or the header.</summary>
    private static async Task<int?> TokenRegionAsync(HttpContext http)
    {
        var token = http.Request.Query["token"].ToString();
        var authorization = token.Length > 0 ? $"{BearerTokens.Scheme} {token.Trim()}" : http.Request.Headers.Authorization.ToString();
        if (authorization.Length == 0)
        {
            return null;
        }

        var signIn = await http.RequestServices.GetRequiredService<StaffTokens>().SignInAsync(authorization);
        return StaffUser.From(signIn.User)?.RegionId;
    }

    private static IResult Html(HttpContext http, string html, int status)
    {
        SecurityHeaders(http);
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    private static IResult Serve(HttpContext http, string file)
    {
        if (!Assets.TryGetValue(file, out var asset))
        {
            return Results.NotFound();
        }

        SecurityHeaders(http);
        return asset.Serve(http);
    }

    private static void SecurityHeaders(HttpContext http)
    {
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
    }
}
