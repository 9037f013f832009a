using Digibank.Api.Data;
using Digibank.Api.Participants;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Notifications;

/// <summary>
/// The messages of the coordinator's region that could not be delivered after their last try (as <c>failedMessages</c>),
/// with the person's first name and contact, so the counter can call them instead: one query, newest first.
/// </summary>
public sealed class CounterFailedMessages(IDbContextFactory<DigibankDbContext> dbContextFactory)
{
    public const int MaxListed = 200;

    /// <summary>The region's failed messages for its coordinator; none for anyone else.</summary>
    public async Task<IReadOnlyList<FailedMessage>> ListAsync(StaffUser staff, CancellationToken cancellationToken)
    {
        if (!staff.IsCoordinator || staff.RegionId is not { } regionId)
        {
            return [];
        }

        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.AsNoTracking()
            .Where(n => n.Status == NotificationStatus.Failed && n.RegionId == regionId)
            .Join(db.Set<Participant>(), n => n.ParticipantId, p => p.Id, (n, p) => new { Message = n, Person = p })
            .OrderByDescending(row => row.Message.CreatedAt).ThenByDescending(row => row.Message.Id)
            .Take(MaxListed)
            .Select(row => new FailedMessage(
                row.Message.Id, row.Message.Reason, row.Message.Channel, row.Message.Subject, row.Message.Recipient, row.Message.Attempts,
                row.Message.LastError, row.Message.CreatedAt, row.Message.HelpPointId, row.Person.FirstName, row.Person.Phone, row.Person.Email))
            .ToListAsync(cancellationToken);
    }
}
