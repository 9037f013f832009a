using Digibank.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Digibank.Api.HelpPoints;

public static class HelpPointTables
{
    extension(DigibankDbContext db)
    {
        public DbSet<HelpPoint> HelpPoints => db.Set<HelpPoint>();

        public DbSet<OpeningHours> OpeningHours => db.Set<OpeningHours>();

        public DbSet<Closure> Closures => db.Set<Closure>();
    }
}

internal sealed class HelpPointTablesModel : IEntityTypeConfiguration<HelpPoint>, IEntityTypeConfiguration<OpeningHours>, IEntityTypeConfiguration<Closure>
{
    public void Configure(EntityTypeBuilder<HelpPoint> helpPoint)
    {
        helpPoint.StoredIn("HelpPoints");
        helpPoint.HasIndex(h => h.RegionId);
        helpPoint.PrimitiveCollection(h => h.Services).ElementType().HasConversion<string>();
        helpPoint.HasMany(h => h.OpeningHours).WithOne().HasForeignKey(o => o.HelpPointId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<OpeningHours> hours) => hours.StoredIn("OpeningHours");

    public void Configure(EntityTypeBuilder<Closure> closure)
    {
        closure.StoredIn("Closures");
        closure.HasIndex(c => new { c.HelpPointId, c.EndsAt });
        closure.Property(c => c.Reason).HasMaxLength(100);
    }
}
