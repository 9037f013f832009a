using Digibank.Api.Municipalities;

namespace Digibank.Api.HelpPoints;

/// <summary>An antenna point (antennepunt) where residents get help, borrow devices or follow courses.</summary>
public sealed class HelpPoint : IEntity
{
    public int Id { get; set; }

    /// <summary>The region (one Digibank) this belongs to: the region of the place where it happens.</summary>
    public int RegionId { get; set; }

    public required string Name
    {
        get;
        set
        {
            field = value;
            NameKey = TextKey.Fold(value);
        }
    }

    public string NameKey { get; private set; } = string.Empty;

    public HelpPointKind Kind { get; set; }

    public int MunicipalityId { get; set; }

    public Municipality? Municipality { get; set; }

    public int? SectionId { get; set; }

    public MunicipalitySection? Section { get; set; }

    /// <summary>Street and number; empty for the mobile team, which comes to people's homes.</summary>
    public string? Street { get; set; }

    public string? PostalCode { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public List<HelpPointService> Services { get; set; } = [];

    public bool WheelchairAccessible { get; set; }

    public string? AccessibilityNotes { get; set; }

    public List<OpeningHours> OpeningHours { get; set; } = [];

    public List<Closure> Closures { get; set; } = [];
}
