using Digibank.Api.Staff;

namespace Digibank.Api.Regions;

/// <summary>The admin adds a region with its towns.</summary>
public sealed record CreateRegion(string Code, string Name, IReadOnlyList<NewMunicipality> Municipalities, int SmallGroupThreshold, StaffUser Staff);

/// <summary>The admin renames a region or changes its small-group threshold.</summary>
public sealed record UpdateRegion(int RegionId, string? Name, int? SmallGroupThreshold, StaffUser Staff);

/// <summary>The admin names a region's coordinator.</summary>
public sealed record NameRegionCoordinator(int RegionId, string Name, string Email, StaffUser Staff);
