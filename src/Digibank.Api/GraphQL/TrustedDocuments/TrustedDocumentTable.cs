using Digibank.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Digibank.Api.GraphQL.TrustedDocuments;

public static class TrustedDocumentTable
{
    extension(DigibankDbContext db)
    {
        public DbSet<TrustedDocument> TrustedDocuments => db.Set<TrustedDocument>();
    }
}

internal sealed class TrustedDocumentTableModel : IEntityTypeConfiguration<TrustedDocument>
{
    public void Configure(EntityTypeBuilder<TrustedDocument> document)
    {
        document.StoredIn("TrustedDocuments");
        document.Property(d => d.Id).HasMaxLength(TrustedDocument.IdPrefix.Length + 64);
        document.Property(d => d.Set).HasMaxLength(100);
        document.Property(d => d.Query).HasMaxLength(TrustedDocument.MaxLength);
        document.HasIndex(d => d.Set);
    }
}
