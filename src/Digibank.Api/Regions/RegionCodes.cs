using System.Collections.Concurrent;
using Digibank.Api.Data;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Regions;

/// <summary>
/// The regions' codes, kept in memory once asked for: a code names one region for good. A code not known (a region
/// added since, perhaps on another instance, or a typing error) is looked up each time, by the unique index on it.
/// </summary>
public sealed class RegionCodes(IDbContextFactory<DigibankDbContext> contexts) : IRegionCodes
{
    private readonly ConcurrentDictionary<string, int> _known = new(StringComparer.Ordinal);

    public async ValueTask<int?> IdOfAsync(string code, CancellationToken cancellationToken)
    {
        var key = code.Trim().ToLowerInvariant();
        if (_known.TryGetValue(key, out var known))
        {
            return known;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.Regions.Where(r => r.Code == key).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (found is { } id)
        {
            _known[key] = id;
        }

        return found;
    }

    public async Task<IReadOnlyDictionary<string, int>> AllAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Id, StringComparer.Ordinal, cancellationToken);
    }
}
