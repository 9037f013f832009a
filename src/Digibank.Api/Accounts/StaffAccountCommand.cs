using System.Globalization;
using Digibank.Api.Data;
using Digibank.Api.Regions;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Accounts;

public static class StaffAccountCommand
{
    public const string Option = "add-staff";

    /// <summary>
    /// <c>--add-staff griet@example.org --name Griet --role coordinator [--region poperinge] [--help-points 1,4]</c>
    /// creates the account, sends its invitation and prints the one-time link, then exits: how a region gets its first
    /// coordinator, who invites everyone else at the counter.
    /// </summary>
    public static async Task<bool> TryRunAsync(WebApplication app)
    {
        if (app.Configuration[Option] is not { Length: > 0 } email)
        {
            return false;
        }

        Environment.ExitCode = 2;
        if (!Enum.TryParse<StaffRole>(app.Configuration["role"] ?? nameof(StaffRole.Coordinator), ignoreCase: true, out var role) || role == StaffRole.Admin)
        {
            Console.Error.WriteLine("Use --role staff, digibuddy or coordinator.");
            return true;
        }

        if (await RegionAsync(app, app.Configuration["region"]) is not { } regionId)
        {
            return true;
        }

        var helpPoints = (app.Configuration["help-points"] ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0)
            .ToArray();
        var digibuddy = int.TryParse(app.Configuration["digibuddy"], NumberStyles.None, CultureInfo.InvariantCulture, out var buddy) ? buddy : (int?)null;
        await using var scope = app.Services.CreateAsyncScope();
        var invited = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().InviteAsync(
            new InviteStaff(email, app.Configuration["name"] ?? string.Empty, role, helpPoints, digibuddy, regionId), by: null, CancellationToken.None);
        if (invited.Error is { } error)
        {
            Console.Error.WriteLine(error.Message);
            return true;
        }

        Console.WriteLine(invited.Value!.Sent
            ? $"The invitation went to {email}. The same one-time link, valid for 7 days:"
            : $"The e-mail to {email} could not be sent. Give the person this one-time link, valid for 7 days:");
        Console.WriteLine(invited.Value.Link);
        Environment.ExitCode = 0;
        return true;
    }

    private static async Task<int?> RegionAsync(WebApplication app, string? code)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<DigibankDbContext>>().CreateDbContextAsync();
        var regions = await db.Regions.Where(r => code == null || r.Code == code).Select(r => r.Id).Take(2).ToListAsync();
        if (regions is [var regionId])
        {
            return regionId;
        }

        Console.Error.WriteLine(code is null ? "Name the region with --region <code>." : $"No region has the code '{code}'.");
        return null;
    }
}
