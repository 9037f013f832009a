using Digibank.Api.Data;
using Digibank.Api.GraphQL;
using Digibank.Api.GraphQL.Relay;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Municipalities;

/// <summary>
/// The towns whose centre lies within a distance of a town's centre. Flanders has a few hundred towns, so their
/// coordinates are read in one statement and measured here; what lies in them is then asked in SQL by town
/// (<c>MunicipalityId IN (…)</c>), so paging and counting stay exact.
/// </summary>
public static class TownsNearby
{
    public const double MaxKm = 200;
    private const double EarthRadiusKm = 6371.0088;

    /// <summary>The towns within <see cref="NearTown.WithinKm"/> of the town, that town first; errors for a distance out of range or a town without a centre.</summary>
    public static async Task<List<int>> WithinAsync(DigibankDbContext db, NearTown near, CancellationToken cancellationToken)
    {
        if (double.IsNaN(near.WithinKm) || near.WithinKm <= 0 || near.WithinKm > MaxKm)
        {
            throw new ExecutionError($"near.withinKm must be more than 0 and at most {MaxKm:0} kilometres.") { Code = ErrorCodes.InvalidArgument };
        }

        var from = GlobalId.DecodeFor(MunicipalityType.TypeName, near.MunicipalityId);
        var towns = await db.Municipalities.AsNoTracking()
            .Where(m => m.Latitude != null && m.Longitude != null)
            .Select(m => new { m.Id, Latitude = m.Latitude!.Value, Longitude = m.Longitude!.Value })
            .ToListAsync(cancellationToken);
        var centre = towns.FirstOrDefault(t => t.Id == from)
            ?? throw new ExecutionError("near.municipalityId names no town with a known centre.") { Code = ErrorCodes.InvalidArgument };
        return [.. towns.Where(t => t.Id == from || KmBetween(centre.Latitude, centre.Longitude, t.Latitude, t.Longitude) <= near.WithinKm)
            .OrderBy(t => t.Id == from ? 0 : 1).Select(t => t.Id)];
    }

    /// <summary>The great-circle distance (haversine) between two points, in kilometres.</summary>
    public static double KmBetween(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var halfChordSquared = Math.Pow(Math.Sin(Radians(latitude2 - latitude1) / 2), 2)
            + (Math.Cos(Radians(latitude1)) * Math.Cos(Radians(latitude2)) * Math.Pow(Math.Sin(Radians(longitude2 - longitude1) / 2), 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(halfChordSquared)));
    }
}
