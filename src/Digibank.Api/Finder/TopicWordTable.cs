using Digibank.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Digibank.Api.Finder;

public static class TopicWordTable
{
    extension(DigibankDbContext db)
    {
        public DbSet<TopicWord> TopicWords => db.Set<TopicWord>();
    }
}

internal sealed class TopicWordTableModel : IEntityTypeConfiguration<TopicWord>
{
    public void Configure(EntityTypeBuilder<TopicWord> word)
    {
        word.StoredIn("TopicWords");
        word.HasIndex(w => new { w.TopicId, w.Word }).IsUnique();
        word.Property(w => w.Word).HasMaxLength(60);
    }
}
