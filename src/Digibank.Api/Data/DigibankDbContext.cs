using Digibank.Api.Courses;
using Digibank.Api.Devices;
using Digibank.Api.HelpPoints;
using Digibank.Api.HelpRequests;
using Digibank.Api.Municipalities;
using Digibank.Api.Participants;
using Digibank.Api.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Digibank.Api.Data;

public sealed class DigibankDbContext(DbContextOptions<DigibankDbContext> options) : DbContext(options)
{
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<MunicipalitySection> MunicipalitySections => Set<MunicipalitySection>();
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<HelpPoint> HelpPoints => Set<HelpPoint>();
    public DbSet<OpeningHours> OpeningHours => Set<OpeningHours>();
    public DbSet<Course> Courses => Set<Course>();
    public DbSet<CourseSession> CourseSessions => Set<CourseSession>();
    public DbSet<Topic> Topics => Set<Topic>();
    public DbSet<SignUp> SignUps => Set<SignUp>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<Device> Devices => Set<Device>();
    public DbSet<LoanRule> LoanRules => Set<LoanRule>();
    public DbSet<Loan> Loans => Set<Loan>();
    public DbSet<Reservation> Reservations => Set<Reservation>();
    public DbSet<HelpRequest> HelpRequests => Set<HelpRequest>();
    public DbSet<Digibuddy> Digibuddies => Set<Digibuddy>();
    public DbSet<PartnerKey> PartnerKeys => Set<PartnerKey>();
    public DbSet<SyncRun> SyncRuns => Set<SyncRun>();
    public DbSet<SignUpChange> SignUpChanges => Set<SignUpChange>();
    public DbSet<WithdrawalHold> WithdrawalHolds => Set<WithdrawalHold>();
    public DbSet<HeldCourse> HeldCourses => Set<HeldCourse>();

    /// <summary>
    /// Set while a partner's own sign-ups are imported: changes to the partner's sign-ups then came from
    /// the partner and are not fed back to it. Every other sign-up change goes into the change feed.
    /// </summary>
    public bool ImportingPartnerSignUps { get; set; }

    /// <summary>Dashboard events of saved changes, waiting for their transaction to commit.</summary>
    internal List<Func<Dashboard.DashboardEvent>> PendingEvents { get; } = [];

    // Contexts come from a pool: what this class adds must not leak into the next use.
    public override ValueTask DisposeAsync()
    {
        ImportingPartnerSignUps = false;
        PendingEvents.Clear();
        return base.DisposeAsync();
    }

    public override void Dispose()
    {
        ImportingPartnerSignUps = false;
        PendingEvents.Clear();
        base.Dispose();
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await RecordSignUpChangesAsync(cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Not supported: the partners' change feed and the dashboard's events are recorded on the
    /// asynchronous path, and a synchronous save would skip them without a trace.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: the sign-up change feed and the dashboard events are recorded there.");

    private async Task RecordSignUpChangesAsync(CancellationToken cancellationToken)
    {
        var changed = ChangeTracker.Entries<SignUp>()
            .Where(entry => entry.State == EntityState.Added
                || (entry.State == EntityState.Modified
                    && (entry.Property(s => s.Status).IsModified || entry.Property(s => s.WaitlistPosition).IsModified)))
            .Where(entry => !(ImportingPartnerSignUps && entry.Entity.Channel == SignUpChannel.Partner))
            .Select(entry => entry.Entity)
            .ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var courseIds = changed.Select(s => s.CourseId).Distinct().ToList();
        var partners = await Courses.AsNoTracking().Where(c => courseIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.PartnerId, cancellationToken);
        foreach (var signUp in changed.Where(s => partners.ContainsKey(s.CourseId)))
        {
            SignUpChanges.Add(new SignUpChange
            {
                SignUp = signUp,
                CourseId = signUp.CourseId,
                PartnerId = partners[signUp.CourseId],
                Status = signUp.Status,
                WaitlistPosition = signUp.WaitlistPosition,
                ChangedAt = signUp.UpdatedAt,
            });
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name so the database reads plainly and survives reordering.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        // SQLite has no time zone type: everything is stored in UTC and read back as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<string>().HaveMaxLength(2000);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Municipality>(municipality =>
        {
            municipality.Property(m => m.Name).HasMaxLength(80);
            municipality.HasIndex(m => m.Name).IsUnique();
        });

        modelBuilder.Entity<Partner>(partner =>
        {
            partner.Property(p => p.Code).HasMaxLength(40);
            partner.HasIndex(p => p.Code).IsUnique();
        });

        modelBuilder.Entity<HelpPoint>(helpPoint =>
        {
            helpPoint.PrimitiveCollection(h => h.Services).ElementType().HasConversion<string>();
            helpPoint.HasMany(h => h.OpeningHours).WithOne().HasForeignKey(o => o.HelpPointId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Course>(course =>
        {
            course.HasIndex(c => new { c.PartnerId, c.ExternalId }).IsUnique();
            course.HasIndex(c => c.StartsAt);
            course.HasIndex(c => c.TitleKey);
            course.PrimitiveCollection(c => c.TargetGroups).ElementType().HasConversion<string>();
            // Topics are shared vocabulary and know no feature: the join is named here, with the columns it always had.
            course.HasMany(c => c.Topics).WithMany().UsingEntity(
                "CourseTopics",
                join => join.HasOne(typeof(Topic)).WithMany().HasForeignKey("TopicsId").OnDelete(DeleteBehavior.Cascade),
                join => join.HasOne(typeof(Course)).WithMany().HasForeignKey("CoursesId").OnDelete(DeleteBehavior.Cascade),
                join => join.HasKey("CoursesId", "TopicsId"));
            course.HasMany(c => c.Sessions).WithOne().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Cascade);
            course.HasMany(c => c.SignUps).WithOne(s => s.Course).HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Cascade);
            course.HasOne(c => c.Partner).WithMany().OnDelete(DeleteBehavior.Restrict);
            course.HasOne(c => c.HelpPoint).WithMany().OnDelete(DeleteBehavior.SetNull);
            course.HasOne(c => c.Municipality).WithMany().OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<CourseSession>().HasIndex(s => new { s.CourseId, s.StartsAt });

        modelBuilder.Entity<Topic>().HasIndex(t => t.Code).IsUnique();

        modelBuilder.Entity<SignUp>(signUp =>
        {
            signUp.HasIndex(s => new { s.CourseId, s.Status });
            signUp.HasIndex(s => new { s.CourseId, s.ParticipantId });
            signUp.HasIndex(s => new { s.CourseId, s.ExternalId }).IsUnique();
        });

        modelBuilder.Entity<PartnerKey>(key =>
        {
            key.HasIndex(k => k.KeyHash).IsUnique();
            key.Property(k => k.KeyHash).HasMaxLength(64);
        });

        modelBuilder.Entity<SyncRun>().HasIndex(r => new { r.PartnerId, r.StartedAt });

        modelBuilder.Entity<SignUpChange>().HasIndex(c => new { c.PartnerId, c.Id });

        modelBuilder.Entity<WithdrawalHold>(hold =>
        {
            hold.HasIndex(h => h.PartnerId).IsUnique();
            hold.HasOne(h => h.Partner).WithMany().OnDelete(DeleteBehavior.Cascade);
            hold.HasMany(h => h.Courses).WithOne().HasForeignKey(c => c.WithdrawalHoldId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<HeldCourse>(held =>
        {
            held.HasKey(c => new { c.WithdrawalHoldId, c.CourseId });
            held.HasOne<Course>().WithMany().HasForeignKey(c => c.CourseId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Device>(device =>
        {
            device.HasIndex(d => d.AssetTag).IsUnique();
            device.HasIndex(d => new { d.HomeHelpPointId, d.Kind, d.Status });
            device.HasOne(d => d.HomeHelpPoint).WithMany().OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<LoanRule>().HasIndex(r => r.Kind).IsUnique();

        modelBuilder.Entity<Loan>(loan =>
        {
            loan.HasIndex(l => new { l.DeviceId, l.ReturnedAt });
            loan.HasIndex(l => new { l.ParticipantId, l.ReturnedAt });
        });

        modelBuilder.Entity<Reservation>().HasIndex(r => new { r.HelpPointId, r.Kind, r.Status });

        modelBuilder.Entity<HelpRequest>().HasIndex(h => new { h.MunicipalityId, h.Status });

        modelBuilder.Entity<Digibuddy>().HasMany(d => d.Skills).WithMany().UsingEntity("DigibuddySkills");
    }
}

internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    stored => DateTime.SpecifyKind(stored, DateTimeKind.Utc));
