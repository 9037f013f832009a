using Digibank.Api.Data;
using Digibank.Api.Municipalities;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.HelpRequests;

/// <summary>
/// A digibuddy's week as staff plan a home visit in it: the visits already planned, and the free slots at the usual
/// visiting hours, Monday to Saturday, that start in the future and overlap none of them. A slot is a proposal, not a
/// rule: <see cref="HelpDesk.ScheduleHomeVisitAsync"/> decides, so another moment can be planned too.
/// </summary>
public sealed record HomeVisitWeek(DateOnly FirstDay, IReadOnlyList<HomeVisitSlot> Planned, IReadOnlyList<HomeVisitSlot> Free)
{
    public const int Days = 7;

    /// <summary>How many weeks ahead the counter shows; further than this a visit is planned as another moment.</summary>
    public const int MaxWeeksAhead = 8;

    public static readonly TimeSpan SlotLength = TimeSpan.FromHours(2);

    /// <summary>Local times: a morning, a late morning, an afternoon and a late afternoon.</summary>
    public static readonly IReadOnlyList<TimeOnly> SlotStarts = [new(9, 0), new(11, 0), new(14, 0), new(16, 0)];

    public DateOnly LastDay => FirstDay.AddDays(Days - 1);

    /// <summary>
    /// The week from <paramref name="weeksAhead"/> weeks after today (local) of <paramref name="digibuddyId"/>, leaving out
    /// the visit of <paramref name="helpRequestId"/> itself, which may move. Without a digibuddy (staff help themselves)
    /// nothing is planned and every slot is free. One query.
    /// </summary>
    public static async Task<HomeVisitWeek> ForAsync(DigibankDbContext db, int? digibuddyId, int helpRequestId, int weeksAhead, DateTime now, CancellationToken cancellationToken)
    {
        var firstDay = DateOnly.FromDateTime(RegionTime.ToLocal(now)).AddDays(Days * Math.Clamp(weeksAhead, 0, MaxWeeksAhead));
        var from = RegionTime.ToUtc(firstDay.ToDateTime(TimeOnly.MinValue));
        var until = RegionTime.ToUtc(firstDay.AddDays(Days).ToDateTime(TimeOnly.MinValue));
        var planned = digibuddyId is { } buddy
            ? await db.HelpRequests.AsNoTracking()
                .Where(h => h.AssignedDigibuddyId == buddy && h.Id != helpRequestId && h.Status == HelpRequestStatus.Scheduled
                    && h.VisitStartsAt < until && from < h.VisitEndsAt)
                .OrderBy(h => h.VisitStartsAt)
                .Select(h => new HomeVisitSlot(h.VisitStartsAt!.Value, h.VisitEndsAt!.Value))
                .ToListAsync(cancellationToken)
            : [];
        return Of(firstDay, planned, now);
    }

    public static HomeVisitWeek Of(DateOnly firstDay, IReadOnlyList<HomeVisitSlot> planned, DateTime now)
    {
        var free = Enumerable.Range(0, Days)
            .Select(firstDay.AddDays)
            .Where(day => day.DayOfWeek != DayOfWeek.Sunday)
            .SelectMany(day => SlotStarts.Select(start => RegionTime.ToUtc(day.ToDateTime(start))))
            .Select(start => new HomeVisitSlot(start, start + SlotLength))
            .Where(slot => slot.StartsAt > now && !planned.Any(visit => visit.StartsAt < slot.EndsAt && slot.StartsAt < visit.EndsAt))
            .ToList();
        return new HomeVisitWeek(firstDay, planned, free);
    }
}
