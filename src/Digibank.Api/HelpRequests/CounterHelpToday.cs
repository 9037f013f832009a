using Digibank.Api.Data;
using Digibank.Api.Municipalities;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.HelpRequests;

/// <summary>
/// The counter's day of help requests at a help point: the open ones (not yet answered, with or without a digibuddy)
/// and the home visits planned for today. One statement, however many.
/// </summary>
public sealed class CounterHelpToday(IDbContextFactory<DigibankDbContext> dbContextFactory, TimeProvider clock)
{
    /// <summary>The requests of <paramref name="helpPointId"/> for today's counter; nothing for someone who does not work there.</summary>
    public async Task<HelpToday> TodayAsync(int helpPointId, StaffUser staff, CancellationToken cancellationToken)
    {
        if (!staff.CanActFor(helpPointId, staff.RegionId))
        {
            return new HelpToday([], []);
        }

        var (start, end) = RegionTime.DayOf(clock.GetUtcNow().UtcDateTime);
        var regionId = staff.RegionId;
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var requests = await db.HelpRequests
            .Where(h => h.HelpPointId == helpPointId && h.RegionId == regionId
                && (h.Status == HelpRequestStatus.Open || h.Status == HelpRequestStatus.Assigned
                    || (h.Status == HelpRequestStatus.Scheduled && h.VisitStartsAt >= start && h.VisitStartsAt < end)))
            .OrderBy(h => h.VisitStartsAt).ThenBy(h => h.CreatedAt).ThenBy(h => h.Id)
            .Select(h => new HelpRequestEntry(h.Id, h.Topic!.Name, h.Urgency, h.Channel, h.Status, h.Participant!.FirstName, h.Participant.Phone, h.Municipality!.Name,
                h.AssignedDigibuddy!.FirstName, h.AssignedStaffName, h.CreatedAt, h.VisitStartsAt, h.VisitEndsAt))
            .ToListAsync(cancellationToken);
        return new HelpToday(
            [.. requests.Where(r => r.Status != HelpRequestStatus.Scheduled).OrderByDescending(r => r.Urgency).ThenBy(r => r.CreatedAt)],
            [.. requests.Where(r => r.Status == HelpRequestStatus.Scheduled)]);
    }
}
