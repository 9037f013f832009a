using System.Collections.Concurrent;
using Digibank.Api.Data;
using Digibank.Api.HelpPoints;
using Digibank.Api.Municipalities;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Regions;

/// <summary>
/// Every town's and help point's region, read at once and kept in memory: a few thousand numbers for all of Flanders.
/// A place it does not know (added since, perhaps on another instance) is looked up on its own, by its key.
/// </summary>
public sealed class PlaceRegions(IDbContextFactory<DigibankDbContext> contexts) : IPlaceRegions
{
    private readonly Lock _reading = new();
    private volatile Places? _places;

    public int? OfHelpPoint(int helpPointId) =>
        Find(places => places.HelpPoints, helpPointId, db => db.HelpPoints.Where(h => h.Id == helpPointId).Select(h => (int?)h.Municipality!.RegionId));

    public int? OfMunicipality(int municipalityId) =>
        Find(places => places.Municipalities, municipalityId, db => db.Municipalities.Where(m => m.Id == municipalityId).Select(m => (int?)m.RegionId));

    public void Forget() => _places = null;

    private int? Find(Func<Places, ConcurrentDictionary<int, int>> table, int id, Func<DigibankDbContext, IQueryable<int?>> lookUp)
    {
        var known = table(_places ?? ReadAll());
        if (known.TryGetValue(id, out var region))
        {
            return region;
        }

        using var db = contexts.CreateDbContext();
        if (lookUp(db).FirstOrDefault() is { } found)
        {
            known[id] = found;
            return found;
        }

        return null;
    }

    private Places ReadAll()
    {
        lock (_reading)
        {
            if (_places is { } known)
            {
                return known;
            }

            using var db = contexts.CreateDbContext();
            var municipalities = new ConcurrentDictionary<int, int>(db.Municipalities.AsNoTracking().Select(m => new KeyValuePair<int, int>(m.Id, m.RegionId)));
            var helpPoints = new ConcurrentDictionary<int, int>(db.HelpPoints.AsNoTracking().Select(h => new KeyValuePair<int, int>(h.Id, h.Municipality!.RegionId)));
            return _places = new Places(municipalities, helpPoints);
        }
    }

    private sealed record Places(ConcurrentDictionary<int, int> Municipalities, ConcurrentDictionary<int, int> HelpPoints);
}
