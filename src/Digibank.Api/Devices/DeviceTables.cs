using Digibank.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Digibank.Api.Devices;

public static class DeviceTables
{
    extension(DigibankDbContext db)
    {
        public DbSet<Device> Devices => db.Set<Device>();

        public DbSet<LoanRule> LoanRules => db.Set<LoanRule>();

        public DbSet<Loan> Loans => db.Set<Loan>();

        public DbSet<Reservation> Reservations => db.Set<Reservation>();
    }
}

internal sealed class DeviceTablesModel :
    IEntityTypeConfiguration<Device>, IEntityTypeConfiguration<LoanRule>, IEntityTypeConfiguration<Loan>, IEntityTypeConfiguration<Reservation>
{
    public void Configure(EntityTypeBuilder<Device> device)
    {
        device.StoredIn("Devices");
        device.HasIndex(d => d.RegionId);
        device.HasIndex(d => d.AssetTag).IsUnique();
        device.HasIndex(d => new { d.HomeHelpPointId, d.Kind, d.Status });
        device.HasOne(d => d.HomeHelpPoint).WithMany().OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<LoanRule> rule)
    {
        rule.StoredIn("LoanRules");
        rule.HasIndex(r => r.Kind).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Loan> loan)
    {
        loan.StoredIn("Loans");
        loan.HasIndex(l => new { l.DeviceId, l.ReturnedAt });
        // One open loan per device, whatever reaches the database: the last word when two API instances race.
        loan.HasIndex(l => l.DeviceId, "IX_Loans_OneOpenLoanPerDevice").IsUnique().HasFilter("\"ReturnedAt\" IS NULL");
        loan.HasIndex(l => new { l.ParticipantId, l.ReturnedAt });
        loan.HasIndex(l => new { l.RegionId, l.ReturnedAt });
        loan.PrimitiveCollection(l => l.Accessories).ElementType().HasConversion<string>();
        loan.PrimitiveCollection(l => l.AccessoriesReturned).ElementType().HasConversion<string>();
    }

    public void Configure(EntityTypeBuilder<Reservation> reservation)
    {
        reservation.StoredIn("Reservations");
        reservation.HasIndex(r => new { r.HelpPointId, r.Kind, r.Status });
        reservation.HasIndex(r => new { r.Status, r.ReadyUntil });
        // No foreign key: adding one to an existing SQLite table rebuilds it outside the migration's transaction.
        reservation.HasIndex(r => r.DeviceId);
        reservation.HasIndex(r => new { r.RegionId, r.Status });
    }
}
