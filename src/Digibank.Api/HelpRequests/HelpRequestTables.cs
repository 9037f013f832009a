using Digibank.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Digibank.Api.HelpRequests;

public static class HelpRequestTables
{
    extension(DigibankDbContext db)
    {
        public DbSet<HelpRequest> HelpRequests => db.Set<HelpRequest>();

        public DbSet<Digibuddy> Digibuddies => db.Set<Digibuddy>();
    }
}

internal sealed class HelpRequestTablesModel : IEntityTypeConfiguration<HelpRequest>, IEntityTypeConfiguration<Digibuddy>
{
    public void Configure(EntityTypeBuilder<HelpRequest> request)
    {
        request.StoredIn("HelpRequests");
        request.HasIndex(r => r.RegionId);
        request.HasIndex(h => new { h.MunicipalityId, h.Status });
    }

    public void Configure(EntityTypeBuilder<Digibuddy> digibuddy)
    {
        digibuddy.StoredIn("Digibuddies");
        digibuddy.HasMany(d => d.Skills).WithMany().UsingEntity("DigibuddySkills");
    }
}
