using Digibank.Api.HelpRequests;
using Digibank.Api.Municipalities;

namespace Digibank.Api.Tests.HelpRequests;

/// <summary>The free moments the counter proposes for a home visit in a digibuddy's week.</summary>
public sealed class HomeVisitWeekTests
{
    [Fact]
    public void The_free_slots_leave_out_the_past_the_sunday_and_every_slot_a_planned_visit_overlaps()
    {
        // Monday 30 November 2026, 10:00 in Poperinge.
        var now = DigibankApiFactory.Now.UtcDateTime;
        var tuesdayVisit = new HomeVisitSlot(RegionTime.ToUtc(new DateTime(2026, 12, 1, 10, 30, 0)), RegionTime.ToUtc(new DateTime(2026, 12, 1, 11, 30, 0)));

        var week = HomeVisitWeek.Of(new DateOnly(2026, 11, 30), [tuesdayVisit], now);

        var starts = week.Free.Select(slot => RegionTime.ToLocal(slot.StartsAt)).ToList();
        Assert.Equal(new DateTime(2026, 11, 30, 11, 0, 0), starts[0]);
        Assert.DoesNotContain(starts, start => start.DayOfWeek == DayOfWeek.Sunday);
        Assert.DoesNotContain(new DateTime(2026, 12, 1, 9, 0, 0), starts);
        Assert.DoesNotContain(new DateTime(2026, 12, 1, 11, 0, 0), starts);
        Assert.Contains(new DateTime(2026, 12, 1, 14, 0, 0), starts);
        // Monday from 11:00 (3), Tuesday after the visit (2), Wednesday to Saturday (4 each).
        Assert.Equal(3 + 2 + (4 * 4), starts.Count);
        Assert.All(week.Free, slot => Assert.Equal(HomeVisitWeek.SlotLength, slot.EndsAt - slot.StartsAt));
        Assert.Equal(new DateOnly(2026, 12, 6), week.LastDay);
    }
}
