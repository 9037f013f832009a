namespace Digibank.Api.Regions;

/// <summary>
/// One Digibank: an alliance of towns (regio Poperinge is Poperinge, Heuvelland, Mesen and Vleteren) with its own help
/// points, staff, people and figures. Everything personal belongs to exactly one region, through the place it happens.
/// </summary>
public sealed class Region : IEntity
{
    /// <summary>The region every deployment starts with, and that the demo seed fills: Digibank regio Poperinge.</summary>
    public const int FirstRegionId = 1;

    public int Id { get; set; }

    /// <summary>Short, stable and readable: lower-case letters, digits and hyphens (<c>poperinge</c>).</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>Reach figures under this count are shown as "fewer than" so that nobody can be recognised in them.</summary>
    public int SmallGroupThreshold { get; set; } = DefaultSmallGroupThreshold;

    public const int DefaultSmallGroupThreshold = 5;
}
