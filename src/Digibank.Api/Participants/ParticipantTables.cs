using Digibank.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Digibank.Api.Participants;

public static class ParticipantTables
{
    extension(DigibankDbContext db)
    {
        public DbSet<Participant> Participants => db.Set<Participant>();
    }
}

internal sealed class ParticipantTablesModel : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> participant)
    {
        participant.StoredIn("Participants");
        participant.HasIndex(p => p.RegionId);
    }
}
