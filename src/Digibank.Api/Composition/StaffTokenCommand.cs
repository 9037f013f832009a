using System.Globalization;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Digibank.Api.Staff;

namespace Digibank.Api.Composition;

public static class StaffTokenCommand
{
    public const string Option = "mint-token";

    /// <summary>
    /// <c>--mint-token staff --name Els --help-points 1,4</c> prints a token for local use and exits.
    /// Roles: staff, digibuddy, coordinator. Help points by number or global id.
    /// </summary>
    public static bool TryRun(WebApplication app)
    {
        if (app.Configuration[Option] is not { Length: > 0 } roleName)
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
