using Digibank.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Digibank.Api.Municipalities;

public static class MunicipalityTables
{
    extension(DigibankDbContext db)
    {
        public DbSet<Municipality> Municipalities => db.Set<Municipality>();

        public DbSet<MunicipalitySection> MunicipalitySections => db.Set<MunicipalitySection>();
    }
}

internal sealed class MunicipalityTablesModel : IEntityTypeConfiguration<Municipality>, IEntityTypeConfiguration<MunicipalitySection>
{
    public void Configure(EntityTypeBuilder<Municipality> municipality)
    {
        municipality.StoredIn("Municipalities");
        municipality.Property(m => m.Name).HasMaxLength(80);
        municipality.HasIndex(m => m.Name).IsUnique();
    }

    public void Configure(EntityTypeBuilder<MunicipalitySection> section) => section.StoredIn("MunicipalitySections");
}
