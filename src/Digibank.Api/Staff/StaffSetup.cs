using System.Globalization;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Digibank.Api.Staff;

public static class StaffSetup
{
    public const string MintOption = "mint-token";

    public static WebApplicationBuilder AddStaffAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<StaffTokenOptions>(builder.Configuration.GetSection(StaffTokenOptions.Section));
        var dataFolder = Path.Combine(builder.Environment.ContentRootPath, "data");
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<StaffTokenOptions>>().Value;
            return new StaffTokens(StaffTokens.LoadKey(options, dataFolder), options, services.GetRequiredService<TimeProvider>());
        });
        builder.Services.AddAuthentication(StaffTokenAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, StaffTokenAuthentication>(StaffTokenAuthentication.SchemeName, configureOptions: null);
        builder.Services.AddAuthorization();
        return builder;
    }

    /// <summary>
    /// <c>--mint-token staff --name Els --help-points 1,4</c> prints a token for local use and exits.
    /// Roles: staff, digibuddy, coordinator. Help points by number or global id.
    /// </summary>
    public static bool TryMintToken(WebApplication app)
    {
        if (app.Configuration[MintOption] is not { Length: > 0 } roleName)
        {
            return false;
        }

        if (!Enum.TryParse<StaffRole>(roleName, ignoreCase: true, out var role))
        {
            Console.Error.WriteLine($"Unknown role '{roleName}'. Use staff, digibuddy or coordinator.");
            Environment.ExitCode = 2;
            return true;
        }

        var name = app.Configuration["name"] ?? role.ToString().ToLowerInvariant();
        var helpPoints = (app.Configuration["help-points"] ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : GlobalId.DecodeFor(HelpPointType.TypeName, id))
            .ToArray();
        var digibuddy = int.TryParse(app.Configuration["digibuddy"], NumberStyles.None, CultureInfo.InvariantCulture, out var buddy) ? buddy : (int?)null;
        Console.WriteLine(app.Services.GetRequiredService<StaffTokens>().Mint($"{role.ToString().ToLowerInvariant()}:{name}", name, role, helpPoints, digibuddy));
        return true;
    }
}
