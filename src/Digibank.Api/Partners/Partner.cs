namespace Digibank.Api.Partners;

/// <summary>An organisation that runs courses or help in the region and owns the offers it syncs.</summary>
public sealed class Partner : IEntity
{
    public int Id { get; set; }

    /// <summary>Short stable code used by plug-ins and keys, e.g. <c>ligo</c> or <c>bib-poperinge</c>.</summary>
    public required string Code { get; set; }

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

    public PartnerKind Kind { get; set; }

    public string? Description { get; set; }

    public string? Website { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    /// <summary>The regions the partner may publish offers in.</summary>
    public List<PartnerRegion> Regions { get; set; } = [];
}
