namespace Digibank.Api.Data.RowSecurity;

/// <summary>
/// Whose people the work in this flow may see and change on PostgreSQL, where row-level security guards the tables
/// of personal data (participants, sign-ups, loans, reservations, help requests, messages, call tasks): one region, a
/// named bypass for the platform's own work (<see cref="RegionBypasses"/>), or only the catalogue's counts. It flows
/// with the code (an <see cref="AsyncLocal{T}"/>) into every query; <see cref="RegionScopeInterceptor"/> hands it to
/// the database. Without a scope those tables show no rows and take no writes. SQLite ignores it.
/// </summary>
public sealed class RegionScope
{
    private static readonly AsyncLocal<RegionScope?> Ambient = new();

    private RegionScope(int? regionId, string? bypassName)
    {
        RegionId = regionId;
        BypassName = bypassName;
    }

    /// <summary>The scope of the calling flow; null outside any.</summary>
    public static RegionScope? Current => Ambient.Value;

    /// <summary>The region whose people may be read and written; null for a bypass or the catalogue.</summary>
    public int? RegionId { get; }

    /// <summary>The bypass's name (one of <see cref="RegionBypasses.All"/>), or <see cref="RegionBypasses.Catalogue"/>.</summary>
    public string? BypassName { get; }

    /// <summary>
    /// Work for one region (a staff member's request): that region's people only. Disposing the result restores the
    /// scope before it; enter and dispose in the same method.
    /// </summary>
    public static IDisposable For(int regionId) =>
        regionId > 0 ? Enter(new RegionScope(regionId, null)) : throw new ArgumentOutOfRangeException(nameof(regionId), regionId, "A region's id is positive.");

    /// <summary>
    /// The platform's own work across regions, under a name the database knows (<see cref="RegionBypasses.All"/>):
    /// the outbox, retention, a partner's sync, a resident's signed link, the seed… Any other name is refused here,
    /// and by the database's policies too.
    /// </summary>
    public static IDisposable Bypass(string name) =>
        RegionBypasses.All.Contains(name)
            ? Enter(new RegionScope(null, name))
            : throw new ArgumentException($"'{name}' is no bypass the database knows; see {nameof(RegionBypasses)}.", nameof(name));

    /// <summary>
    /// Anonymous callers and the admin: no one's people, but the counts the public catalogue shows (seats left, devices
    /// lent, the queue for a device) over the rows of sign-ups, loans and reservations, read-only.
    /// </summary>
    public static IDisposable Catalogue() => Enter(new RegionScope(null, RegionBypasses.Catalogue));

    /// <summary>This scope with its region narrowed to <paramref name="regionId"/>; its bypass, if any, stays.</summary>
    internal RegionScope WithRegion(int regionId) => new(regionId, BypassName);

    internal static RegionScope OfRegion(int regionId) => new(regionId, null);

    private static Restore Enter(RegionScope scope)
    {
        var restore = new Restore(Ambient.Value);
        Ambient.Value = scope;
        return restore;
    }

    private sealed class Restore(RegionScope? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
