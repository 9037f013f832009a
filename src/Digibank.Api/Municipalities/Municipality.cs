namespace Digibank.Api.Municipalities;

/// <summary>A town of the region (gemeente), with the sections (deelgemeenten) it was merged from.</summary>
public sealed class Municipality : IEntity
{
    public int Id { get; set; }

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

    public required string PostalCode { get; set; }

    /// <summary>The region (one Digibank) the town belongs to.</summary>
    public int RegionId { get; set; }

    /// <summary>The town centre, for "within 15 km of Vleteren".</summary>
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public List<MunicipalitySection> Sections { get; set; } = [];
}
