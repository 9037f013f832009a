using Digibank.Api.Data;
using Digibank.Api.Municipalities;
using Digibank.Api.Regions;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Dashboard;

/// <summary>The regions a dashboard can show, found by their code, with their towns for the page's header.</summary>
public static class DashboardRegions
{
    public sealed record Shown(Region Region, IReadOnlyList<Municipality> Towns);

    /// <summary>The region to show: the one named by <paramref name="code"/> or <paramref name="id"/>; null when there is no such region.</summary>
    public static async Task<Shown?> FindAsync(IServiceProvider services, string? code, int? id, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<DigibankDbContext>>().CreateDbContextAsync(cancellationToken);
        var normalised = code?.Trim().ToLowerInvariant();
        var region = await db.Regions.Where(r => r.Code == normalised || r.Id == id).OrderBy(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        if (region is null)
        {
            return null;
        }

        var towns = await db.Municipalities.Where(m => m.RegionId == region.Id).OrderBy(m => m.Name).ToListAsync(cancellationToken);
        return new Shown(region, towns);
    }

    public static async Task<List<Region>> AllAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<DigibankDbContext>>().CreateDbContextAsync(cancellationToken);
        return await db.Regions.OrderBy(r => r.Name).ToListAsync(cancellationToken);
    }
}
