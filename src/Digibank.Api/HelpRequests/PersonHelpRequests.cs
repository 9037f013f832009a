using Digibank.Api.Data;
using Digibank.Api.Participants;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.HelpRequests;

/// <summary>A person's help requests for their page at the counter: in one query, latest first, for staff of their region.</summary>
public sealed class PersonHelpRequests(IDbContextFactory<DigibankDbContext> dbContextFactory)
{
    /// <summary>A person's page shows at most this many of their questions.</summary>
    public const int HistorySize = 50;

    public async Task<IReadOnlyList<PersonHelpRequest>> OfPersonAsync(StaffUser me, int participantId, CancellationToken cancellationToken)
    {
        if (!CounterPeople.MaySee(me))
        {
            return [];
        }

        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        return await db.HelpRequests.AsNoTracking()
            .Where(h => h.ParticipantId == participantId && h.RegionId == me.RegionId)
            .OrderByDescending(h => h.CreatedAt).ThenByDescending(h => h.Id).Take(HistorySize)
            .Select(h => new PersonHelpRequest(h.Id, h.Topic!.Name, h.Channel, h.HelpPointId, h.Status, h.CreatedAt, h.VisitStartsAt))
            .ToListAsync(cancellationToken);
    }
}
