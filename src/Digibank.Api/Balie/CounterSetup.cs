using Digibank.Api.Accounts;
using Digibank.Api.Data.RowSecurity;
using Digibank.Api.Staff;
using Microsoft.AspNetCore.Antiforgery;

namespace Digibank.Api.Balie;

/// <summary>
/// De balie, the counter app at <c>/balie</c>: Razor components rendered on the server, forms that post and redirect,
/// no script. Every page runs in its signed-in person's region, and answers with a policy that lets nothing but its
/// own inline style run, in no frame, stored nowhere.
/// </summary>
public static class CounterSetup
{
    public const string Path = StaffSetup.CounterPath;

    public static IServiceCollection AddCounterApp(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = $"{AccountsSetup.SessionCookie}-formulier";
            antiforgery.Cookie.Path = Path;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });
        return services;
    }

    /// <summary>After authentication: the counter's headers and region, then the forms' antiforgery check.</summary>
    public static WebApplication UseCounterApp(this WebApplication app)
    {
        app.UseAuthorization();
        app.UseWhen(http => http.Request.Path.StartsWithSegments(Path), counter => counter.Use(async (http, next) =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = $"default-src 'none'; style-src {CounterStyle.Hash}; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
            headers.XFrameOptions = "DENY";
            headers.CacheControl = "no-store";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            using var scope = StaffUser.From(http.User) is { RegionId: { } regionId } ? RegionScope.For(regionId) : RegionScope.Catalogue();
            await next(http);
        }));
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapCounterApp(this WebApplication app)
    {
        app.MapRazorComponents<CounterApp>();
        app.MapPost($"{Path}/afmelden", SignOutAsync);
        return app;
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery, CounterSignIn signIn)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest();
        }

        await signIn.SignOutAsync();
        return Results.Redirect($"{Path}/aanmelden?afgemeld=1");
    }
}
