using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Digibank.Api.Staff;

public static class StaffSetup
{
    /// <summary>Who a request signs in: by a bearer token on the API, by the session cookie on the counter's pages (<c>/balie</c>).</summary>
    public const string SignedInScheme = "staff";

    public const string CounterPath = "/balie";

    public static WebApplicationBuilder AddStaffAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<StaffTokenOptions>(builder.Configuration.GetSection(StaffTokenOptions.Section));
        var dataFolder = Path.Combine(builder.Environment.ContentRootPath, "data");
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<StaffTokenOptions>>().Value;
            return new StaffTokens(StaffTokens.LoadKey(options, dataFolder), options, services.GetRequiredService<TimeProvider>(), services.GetService<IAccountSessions>());
        });
        builder.Services.AddAuthentication(SignedInScheme)
            .AddPolicyScheme(SignedInScheme, "A staff token, or on the counter's pages their session cookie", scheme =>
                scheme.ForwardDefaultSelector = http => http.Request.Path.StartsWithSegments(CounterPath) ? IdentityConstants.ApplicationScheme : StaffTokenAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, StaffTokenAuthentication>(StaffTokenAuthentication.SchemeName, configureOptions: null);
        builder.Services.AddAuthorization();
        builder.Services.AddSingleton<SessionEndings>();
        return builder;
    }
}
