using System.ComponentModel;

namespace Digibank.Api.Regions;

public sealed record CreateRegionInput(
    [property: Description("Short stable code: lower-case letters, digits and hyphens, e.g. `westhoek`; it names the region in tokens.")] string Code,
    [property: Description("The Digibank's name, e.g. Digibank regio Westhoek.")] string Name,
    [property: Description("Its towns; none may belong to a region yet.")] IReadOnlyList<NewMunicipality> Municipalities,
    [property: Description("Reach figures under this count are shown as \"fewer than\"; 5 when left out."), DefaultValue(null)] int? SmallGroupThreshold = null);
