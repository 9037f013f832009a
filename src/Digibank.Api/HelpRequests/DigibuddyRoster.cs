using Digibank.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.HelpRequests;

/// <summary>The region's active digibuddies, by first name, with their town and the topics they know: for the counter's choices.</summary>
public sealed class DigibuddyRoster(IDbContextFactory<DigibankDbContext> dbContextFactory)
{
    public async Task<IReadOnlyList<DigibuddyEntry>> OfRegionAsync(int regionId, CancellationToken cancellationToken)
    {
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var buddies = await db.Digibuddies.Where(d => d.Active && d.Municipality!.RegionId == regionId)
            .Select(d => new { d.Id, d.FirstName, Town = d.Municipality!.Name, Skills = d.Skills.Select(t => t.Code).ToList() })
            .ToListAsync(cancellationToken);
        return [.. buddies.Select(d => new DigibuddyEntry(d.Id, d.FirstName, d.Town, d.Skills)).OrderBy(d => d.FirstName, StringComparer.CurrentCulture)];
    }
}
