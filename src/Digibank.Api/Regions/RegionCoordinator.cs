namespace Digibank.Api.Regions;

/// <summary>A person the admin named coordinator of a region: they get coordinator tokens for that region only.</summary>
public sealed class RegionCoordinator : IEntity
{
    public int Id { get; set; }

    public int RegionId { get; set; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    public DateTime NamedAt { get; set; }
}
