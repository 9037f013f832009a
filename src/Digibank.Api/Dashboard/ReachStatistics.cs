using Digibank.Api.Data;
using Digibank.Api.Municipalities;
using Digibank.Api.Regions;

namespace Digibank.Api.Dashboard;

/// <summary>One row of a breakdown: a town, a target group or a month, with its published figures.</summary>
public sealed record ReachRow(Municipality? Municipality, TargetGroup? TargetGroup, string? Month, ReachCounts Counts);

/// <summary>
/// Reach of one region's Digibank in a period, for the subsidy report: people reached and what they took part in, in total and
/// by town, target group and month, with small groups suppressed. Anonymous by construction: only counts leave the database.
/// </summary>
public sealed record ReachStatistics(
    ReachPeriod Period,
    Region Region,
    Municipality? Municipality,
    ReachCounts Totals,
    IReadOnlyList<ReachRow> ByMunicipality,
    IReadOnlyList<ReachRow> ByTargetGroup,
    IReadOnlyList<ReachRow> ByMonth)
{
    /// <summary>The figures of one region, as its coordinator sees them.</summary>
    public static async Task<ReachStatistics> ComputeAsync(DigibankDbContext db, ReachPeriod period, int regionId, int? municipalityId, CancellationToken cancellationToken) =>
        (await ReachFigures.ComputeAsync(db, period, regionId, municipalityId, cancellationToken)).Single();

    /// <summary>
    /// The activity of one region added up in total and by town, target group and month, with small groups suppressed
    /// by the region's own threshold.
    /// </summary>
    internal static ReachStatistics Breakdowns(
        ReachPeriod period,
        Region region,
        Municipality? municipality,
        IReadOnlyList<Municipality> municipalities,
        IReadOnlyList<ReachFigures.PeopleInGroup> peopleByGroup,
        IReadOnlyDictionary<int, int> peopleByMonth,
        IReadOnlyList<ReachFigures.ActivityCell> activity)
    {
        var threshold = region.SmallGroupThreshold;
        ReachTally Tally(int people, Func<ReachFigures.ActivityCell, bool> belongs) =>
            ReachTally.Sum(activity.Where(belongs).Select(cell => cell.Tally)) with { PeopleReached = people };

        var totals = SmallGroupSuppression.Primary(Tally(peopleByGroup.Sum(p => p.People), _ => true), threshold);

        var byMunicipality = municipalities
            .Select(m => Tally(peopleByGroup.Where(p => p.MunicipalityId == m.Id).Sum(p => p.People), cell => cell.MunicipalityId == m.Id))
            .ToList();
        var targetGroups = Enum.GetValues<TargetGroup>();
        var byTargetGroup = targetGroups
            .Select(group => Tally(peopleByGroup.Where(p => p.TargetGroup == group).Sum(p => p.People), cell => cell.TargetGroup == group))
            .ToList();
        var byMonth = period.Months
            .Select((_, month) => Tally(peopleByMonth.GetValueOrDefault(month), cell => cell.Month == month))
            .ToList();

        return new ReachStatistics(
            period,
            region,
            municipality,
            totals,
            [.. SmallGroupSuppression.Breakdown(totals, byMunicipality, threshold).Select((counts, index) => new ReachRow(municipalities[index], null, null, counts))],
            [.. SmallGroupSuppression.Breakdown(totals, byTargetGroup, threshold).Select((counts, index) => new ReachRow(null, targetGroups[index], null, counts))],
            [.. SmallGroupSuppression.Breakdown(totals, byMonth, threshold).Select((counts, index) => new ReachRow(null, null, period.Months[index].Label, counts))]);
    }
}
