using Digibank.Api.Data.Outbox;
using Digibank.Api.Data.RowSecurity;
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

    /// <summary>The shared vocabulary's one table; each feature declares its own tables (see <see cref="OnModelCreating"/>).</summary>
    public DbSet<Topic> Topics => Set<Topic>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<ConsumerPosition> ConsumerPositions => Set<ConsumerPosition>();
    public DbSet<SetAsideEvent> SetAsideEvents => Set<SetAsideEvent>();

    /// <summary>
    /// Who makes the changes saved through this context, for the events they raise (a partner's upload,
    /// for example, so its own changes are not fed back to it); null for the platform itself.
    /// </summary>
    public string? Origin { get; set; }

    /// <summary>The region this context was narrowed to (<see cref="EnterRegion"/>), if any.</summary>
    internal int? EnteredRegionId { get; private set; }

    /// <summary>The region and bypass settings last written to this context's open connection (PostgreSQL only).</summary>
    internal (string Region, string Bypass)? AppliedScope { get; set; }

    /// <summary>
    /// Narrows this context to <paramref name="regionId"/>'s people for the rest of its use (row-level security on
    /// PostgreSQL, <see cref="RegionScope"/>): what a resident's mutation (a sign-up, a reservation, a question for
    /// help) calls once it knows the place it acts on; the context's next command carries it. Work for another region
    /// (a staff member's request) cannot enter this one: that throws.
    /// </summary>
    public void EnterRegion(int regionId)
    {
        if (RegionScope.Current?.RegionId is { } current && current != regionId)
        {
            throw new InvalidOperationException($"This work is for region {current}; it cannot enter region {regionId}.");
        }

        EnteredRegionId = regionId;
    }

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
        EnteredRegionId = null;
        AppliedScope = null;
        PendingOutbox.Reset();
        return base.DisposeAsync();
    }

    public override void Dispose()
    {
        Origin = null;
        EnteredRegionId = null;
        AppliedScope = null;
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

    /// <summary>
    /// The store knows no feature: each declares its tables beside its entities, as an <see cref="IEntityTypeConfiguration{TEntity}"/>
    /// with its table's name, and offers their sets as extension properties of this context (<c>db.Courses</c>).
    /// </summary>
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DigibankDbContext).Assembly);

        modelBuilder.Entity<Topic>().HasIndex(t => t.Code).IsUnique();

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
    }
}

internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    stored => DateTime.SpecifyKind(stored, DateTimeKind.Utc));
