using Digibank.Api.Data;
using Digibank.Api.Municipalities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Digibank.Api.Regions;

public static class RegionTables
{
    extension(DigibankDbContext db)
    {
        public DbSet<Region> Regions => db.Set<Region>();

        public DbSet<RegionCoordinator> RegionCoordinators => db.Set<RegionCoordinator>();
    }
}

internal sealed class RegionTablesModel : IEntityTypeConfiguration<Region>, IEntityTypeConfiguration<RegionCoordinator>, IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Region> region)
    {
        region.StoredIn("Regions");
        region.Property(r => r.Code).HasMaxLength(40);
        region.Property(r => r.Name).HasMaxLength(120);
        region.HasIndex(r => r.Code).IsUnique();
        region.HasData(new Region { Id = Region.FirstRegionId, Code = "poperinge", Name = "Digibank regio Poperinge" });
    }

    public void Configure(EntityTypeBuilder<RegionCoordinator> coordinator)
    {
        coordinator.StoredIn("RegionCoordinators");
        coordinator.Property(c => c.Name).HasMaxLength(100);
        coordinator.Property(c => c.Email).HasMaxLength(254);
        coordinator.HasIndex(c => new { c.RegionId, c.Email }).IsUnique();
    }

    // A town belongs to one region; the region knows its towns, the towns need not know regions.
    public void Configure(EntityTypeBuilder<Municipality> municipality) => municipality.HasIndex(m => m.RegionId);
}
