using Digibank.Api.Data;
using Digibank.Api.Data.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.HelpRequests;

/// <summary>Raises the help request events of a save.</summary>
public sealed class HelpRequestEvents : IDomainEventSource
{
    public async ValueTask<IReadOnlyList<Func<IDomainEvent>>> RaiseAsync(DigibankDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var entries = db.ChangeTracker.Entries<HelpRequest>()
            .Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && e.Property(h => h.Status).IsModified))
            .ToList();
        if (entries.Count == 0)
        {
            return [];
        }

        var topicIds = entries.Select(e => e.Entity.TopicId).Distinct().ToList();
        var topics = await db.Topics.AsNoTracking().Where(t => topicIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        return [.. entries.Select(entry =>
        {
            var request = entry.Entity;
            var isNew = entry.State == EntityState.Added;
            var topic = topics.GetValueOrDefault(request.TopicId);
            return (Func<IDomainEvent>)(() => new HelpRequestChanged(request.Id, isNew, request.Channel, request.Status, topic,
                request.MunicipalityId, request.HelpPointId, request.ParticipantId, now, request.RegionId));
        })];
    }
}
