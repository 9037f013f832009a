using System.Globalization;
using Digibank.Api.Data;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Digibank.Api.Regions;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Composition;

public static class StaffTokenCommand
{
    public const string Option = "mint-token";

    /// <summary>
    /// <c>--mint-token staff --name Els --help-points 1,4 --region poperinge</c> prints a token for local use and exits.
    /// Roles: staff, digibuddy, coordinator, admin. Help points by number or global id, all of the region. The region may
    /// be left out while the deployment has one; the admin's token names none.
    /// </summary>
    public static bool TryRun(WebApplication app)
    {
        if (app.Configuration[Option] is not { Length: > 0 } roleName)
        {
            return false;
        }

        if (!Enum.TryParse<StaffRole>(roleName, ignoreCase: true, out var role))
        {
            Console.Error.WriteLine($"Unknown role '{roleName}'. Use staff, digibuddy, coordinator or admin.");
            Environment.ExitCode = 2;
            return true;
        }

        var name = app.Configuration["name"] ?? role.ToString().ToLowerInvariant();
        var helpPoints = (app.Configuration["help-points"] ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : GlobalId.DecodeFor(HelpPointType.TypeName, id))
            .ToArray();
        var digibuddy = int.TryParse(app.Configuration["digibuddy"], NumberStyles.None, CultureInfo.InvariantCulture, out var buddy) ? buddy : (int?)null;
        var regionId = role == StaffRole.Admin ? null : RegionOf(app, helpPoints);
        if (role != StaffRole.Admin && regionId is null)
        {
            Environment.ExitCode = 2;
            return true;
        }

        Console.WriteLine(app.Services.GetRequiredService<StaffTokens>().Mint($"{role.ToString().ToLowerInvariant()}:{name}", name, role, regionId, helpPoints, digibuddy));
        return true;
    }

    private static int? RegionOf(WebApplication app, int[] helpPoints)
    {
        var code = app.Configuration["region"];
        using var db = app.Services.GetRequiredService<IDbContextFactory<DigibankDbContext>>().CreateDbContext();
        var regions = db.Regions.AsNoTracking().Where(r => code == null || r.Code == code).Select(r => r.Id).Take(2).ToList();
        if (regions is not [var regionId])
        {
            Console.Error.WriteLine(code is null ? "Name the region with --region <code>." : $"No region has the code '{code}'.");
            return null;
        }

        var places = app.Services.GetRequiredService<IPlaceRegions>();
        if (helpPoints.FirstOrDefault(point => places.OfHelpPoint(point) != regionId) is var elsewhere && elsewhere != 0)
        {
            Console.Error.WriteLine($"Help point {elsewhere} is not one of the region's.");
            return null;
        }

        return regionId;
    }
}
