namespace Digibank.Api.Partners;

/// <summary>A region a partner may publish offers in: a partner is registered once, for one region or several.</summary>
public sealed class PartnerRegion
{
    public int PartnerId { get; set; }

    public int RegionId { get; set; }
}
