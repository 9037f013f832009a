using Digibank.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Digibank.Api.Partners;

public static class PartnerTables
{
    extension(DigibankDbContext db)
    {
        public DbSet<Partner> Partners => db.Set<Partner>();

        public DbSet<PartnerKey> PartnerKeys => db.Set<PartnerKey>();

        public DbSet<SyncRun> SyncRuns => db.Set<SyncRun>();

        public DbSet<WithdrawalHold> WithdrawalHolds => db.Set<WithdrawalHold>();

        public DbSet<HeldCourse> HeldCourses => db.Set<HeldCourse>();

        public DbSet<PartnerRegion> PartnerRegions => db.Set<PartnerRegion>();
    }
}

internal sealed class PartnerTablesModel :
    IEntityTypeConfiguration<Partner>, IEntityTypeConfiguration<PartnerKey>, IEntityTypeConfiguration<SyncRun>,
    IEntityTypeConfiguration<WithdrawalHold>, IEntityTypeConfiguration<HeldCourse>, IEntityTypeConfiguration<PartnerRegion>
{
    public void Configure(EntityTypeBuilder<Partner> partner)
    {
        partner.StoredIn("Partners");
        partner.Property(p => p.Code).HasMaxLength(40);
        partner.HasIndex(p => p.Code).IsUnique();
    }

    public void Configure(EntityTypeBuilder<PartnerRegion> allowed)
    {
        allowed.StoredIn("PartnerRegions");
        allowed.HasKey(a => new { a.PartnerId, a.RegionId });
        allowed.HasOne<Partner>().WithMany(p => p.Regions).HasForeignKey(a => a.PartnerId).OnDelete(DeleteBehavior.Cascade);
        allowed.HasIndex(a => a.RegionId);
    }

    public void Configure(EntityTypeBuilder<PartnerKey> key)
    {
        key.StoredIn("PartnerKeys");
        key.HasIndex(k => k.KeyHash).IsUnique();
        key.Property(k => k.KeyHash).HasMaxLength(64);
    }

    public void Configure(EntityTypeBuilder<SyncRun> run)
    {
        run.StoredIn("SyncRuns");
        run.HasIndex(r => new { r.PartnerId, r.StartedAt });
    }

    public void Configure(EntityTypeBuilder<WithdrawalHold> hold)
    {
        hold.StoredIn("WithdrawalHolds");
        hold.HasIndex(h => new { h.PartnerId, h.RegionId }).IsUnique();
        hold.HasOne(h => h.Partner).WithMany().OnDelete(DeleteBehavior.Cascade);
        hold.HasMany(h => h.Courses).WithOne().HasForeignKey(c => c.WithdrawalHoldId).OnDelete(DeleteBehavior.Cascade);
    }

    // The held course's key to its course is the courses' to declare: partners know no course.
    public void Configure(EntityTypeBuilder<HeldCourse> held)
    {
        held.StoredIn("HeldCourses");
        held.HasKey(c => new { c.WithdrawalHoldId, c.CourseId });
    }
}
