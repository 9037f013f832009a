using Digibank.Api.Courses;
using Digibank.Api.Data.Outbox;
using Digibank.Api.Devices;
using Digibank.Api.HelpPoints;
using Digibank.Api.HelpRequests;
using Digibank.Api.Municipalities;
using Digibank.Api.Finder;
using Digibank.Api.GraphQL.TrustedDocuments;
using Digibank.Api.Notifications;
using Digibank.Api.Participants;
using Digibank.Api.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Digibank.Api.Data;

/// <summary>
/// The store of every feature, on SQLite (one file, the default) or PostgreSQL (several API instances). Each
/// provider keeps its own migrations: SQLite's with this context, PostgreSQL's with <see cref="PostgreSql.PostgreSqlDbContext"/>.
/// </summary>
public class DigibankDbContext : DbContext
{
    public DigibankDbContext(DbContextOptions<DigibankDbContext> options)
        : base(options)
    {
    }

    /// <summary>For the context whose migrations are another provider's; the model is the same.</summary>
    protected DigibankDbContext(DbContextOptions options)
        : base(options)
    {
    }

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

    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<CallTask> CallTasks => Set<CallTask>();

    public DbSet<TopicWord> TopicWords => Set<TopicWord>();

    public DbSet<TrustedDocument> TrustedDocuments => Set<TrustedDocument>();

    public DbSet<Closure> Closures => Set<Closure>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<ConsumerPosition> ConsumerPositions => Set<ConsumerPosition>();
    public DbSet<SetAsideEvent> SetAsideEvents => Set<SetAsideEvent>();

    /// <summary>
    /// Who makes the changes saved through this context, for the events they raise (a partner's upload,
    /// for example, so its own changes are not fed back to it); null for the platform itself.
    /// </summary>
    public string? Origin { get; set; }

    /// <summary>Domain events raised and not yet written to the outbox by a save.</summary>
    internal PendingOutbox PendingOutbox { get; } = new();

    /// <summary>Raises a domain event: the next save writes it to the outbox in its transaction.</summary>
    public void Raise(IDomainEvent domainEvent) => PendingOutbox.Events.Add(() => domainEvent);

    /// <summary>Raises an event completed after the save, when the keys the database generates are known.</summary>
    public void Raise(Func<IDomainEvent> domainEvent) => PendingOutbox.Events.Add(domainEvent);

    // Contexts come from a pool: what this class adds must not leak into the next use.
    public override ValueTask DisposeAsync()
    {
        Origin = null;
        PendingOutbox.Reset();
        return base.DisposeAsync();
    }

    public override void Dispose()
    {
        Origin = null;
        PendingOutbox.Reset();
        base.Dispose();
    }

    /// <summary>
    /// Not supported: domain events are written to the outbox on the asynchronous path, and a synchronous
    /// save would skip them without a trace.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: domain events are written to the outbox there.");

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

        modelBuilder.Entity<OutboxMessage>(message =>
        {
            message.ToTable("Outbox");
            message.Property(m => m.Type).HasMaxLength(100);
            // Never reuse a pruned id: the sequence must only grow, or a consumer would skip what follows.
            message.Property(m => m.Id).Metadata.SetAnnotation("Sqlite:Autoincrement", true);
            message.Property(m => m.Payload).Metadata.SetMaxLength(null);
        });

        modelBuilder.Entity<ConsumerPosition>(position =>
        {
            position.HasKey(p => p.Consumer);
            position.Property(p => p.Consumer).HasMaxLength(100);
        });

        modelBuilder.Entity<SetAsideEvent>(setAside =>
        {
            setAside.HasIndex(e => new { e.Consumer, e.Sequence }).IsUnique();
            setAside.HasIndex(e => e.Sequence);
            setAside.Property(e => e.Consumer).HasMaxLength(100);
            setAside.Property(e => e.EventType).HasMaxLength(100);
            setAside.Property(e => e.LastError).HasMaxLength(SetAsideEvent.MaxErrorLength);
        });

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
            // One open loan per device, whatever reaches the database: the last word when two API instances race.
            loan.HasIndex(l => l.DeviceId, "IX_Loans_OneOpenLoanPerDevice").IsUnique().HasFilter("\"ReturnedAt\" IS NULL");
            loan.HasIndex(l => new { l.ParticipantId, l.ReturnedAt });
        });

        modelBuilder.Entity<Reservation>(reservation =>
        {
            reservation.HasIndex(r => new { r.HelpPointId, r.Kind, r.Status });
            reservation.HasIndex(r => new { r.Status, r.ReadyUntil });
            // No foreign key: adding one to an existing SQLite table rebuilds it outside the migration's transaction.
            reservation.HasIndex(r => r.DeviceId);
        });

        modelBuilder.Entity<HelpRequest>().HasIndex(h => new { h.MunicipalityId, h.Status });

        modelBuilder.Entity<Notification>(notification =>
        {
            // Once per event (or reminder occasion), person and reason: handling an event or a reminder again adds nothing.
            notification.HasIndex(n => new { n.EventSequence, n.ParticipantId, n.Reason, n.Occasion }).IsUnique();
            notification.Property(n => n.Occasion).HasMaxLength(100);
            notification.HasIndex(n => new { n.Status, n.NextAttemptAt });
            notification.HasIndex(n => n.ParticipantId);
            notification.Property(n => n.Body).Metadata.SetMaxLength(null);
        });

        modelBuilder.Entity<CallTask>(task =>
        {
            task.HasIndex(t => new { t.HelpPointId, t.Outcome });
            task.HasIndex(t => t.ParticipantId);
            task.Property(t => t.Script).Metadata.SetMaxLength(null);
        });

        modelBuilder.Entity<Closure>(closure =>
        {
            closure.HasIndex(c => new { c.HelpPointId, c.EndsAt });
            closure.Property(c => c.Reason).HasMaxLength(100);
        });

        modelBuilder.Entity<TopicWord>(word =>
        {
            word.HasIndex(w => new { w.TopicId, w.Word }).IsUnique();
            word.Property(w => w.Word).HasMaxLength(60);
        });

        modelBuilder.Entity<TrustedDocument>(document =>
        {
            document.Property(d => d.Id).HasMaxLength(TrustedDocument.IdPrefix.Length + 64);
            document.Property(d => d.Set).HasMaxLength(100);
            document.Property(d => d.Query).HasMaxLength(TrustedDocument.MaxLength);
            document.HasIndex(d => d.Set);
        });

        modelBuilder.Entity<Digibuddy>().HasMany(d => d.Skills).WithMany().UsingEntity("DigibuddySkills");
    }
}

internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    stored => DateTime.SpecifyKind(stored, DateTimeKind.Utc));
