using System.ComponentModel;
using GraphQL;

namespace Digibank.Api.Regions;

public sealed record UpdateRegionInput(
    [property: Id] string RegionId,
    [property: Description("A new name; left out, the name stays."), DefaultValue(null)] string? Name = null,
    [property: Description("A new small-group threshold; left out, it stays."), DefaultValue(null)] int? SmallGroupThreshold = null);
