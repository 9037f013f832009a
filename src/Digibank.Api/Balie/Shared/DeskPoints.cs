using Digibank.Api.HelpPoints;
using Digibank.Api.Staff;

namespace Digibank.Api.Balie.Shared;

/// <summary>
/// The help points a staff member works the counter of: their own (a coordinator: every one of the region), by name;
/// and the one a page works for, chosen with <c>?hulppunt=</c> or else their first.
/// </summary>
public static class DeskPoints
{
    public static IReadOnlyList<HelpPoint> Of(IEnumerable<HelpPoint> all, StaffUser me, HelpPointService? offering = null) =>
        [.. all.Where(p => p.RegionId == me.RegionId && (me.IsCoordinator || me.HelpPointIds.Contains(p.Id)))
            .Where(p => offering is null || p.Services.Contains(offering.Value))
            .OrderBy(p => p.Name, StringComparer.Create(CounterWords.Dutch, ignoreCase: true))];

    public static HelpPoint? Chosen(IReadOnlyList<HelpPoint> mine, StaffUser me, int? requested) =>
        mine.FirstOrDefault(p => p.Id == requested)
        ?? mine.FirstOrDefault(p => me.HelpPointIds.FirstOrDefault() == p.Id)
        ?? mine.FirstOrDefault();
}
