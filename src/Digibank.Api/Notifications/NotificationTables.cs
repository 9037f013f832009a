using Digibank.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Digibank.Api.Notifications;

public static class NotificationTables
{
    extension(DigibankDbContext db)
    {
        public DbSet<Notification> Notifications => db.Set<Notification>();

        public DbSet<CallTask> CallTasks => db.Set<CallTask>();
    }
}

internal sealed class NotificationTablesModel : IEntityTypeConfiguration<Notification>, IEntityTypeConfiguration<CallTask>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.StoredIn("Notifications");
        notification.HasIndex(n => n.RegionId);
        // Once per event (or reminder occasion), person and reason: handling an event or a reminder again adds nothing.
        notification.HasIndex(n => new { n.EventSequence, n.ParticipantId, n.Reason, n.Occasion }).IsUnique();
        notification.Property(n => n.Occasion).HasMaxLength(100);
        notification.HasIndex(n => new { n.Status, n.NextAttemptAt });
        notification.HasIndex(n => n.ParticipantId);
        notification.Property(n => n.Body).Metadata.SetMaxLength(null);
    }

    public void Configure(EntityTypeBuilder<CallTask> task)
    {
        task.StoredIn("CallTasks");
        task.HasIndex(t => t.RegionId);
        task.HasIndex(t => new { t.HelpPointId, t.Outcome });
        task.HasIndex(t => t.ParticipantId);
        task.Property(t => t.Script).Metadata.SetMaxLength(null);
    }
}
