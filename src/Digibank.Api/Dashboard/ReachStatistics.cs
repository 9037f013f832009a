using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.Devices;
using Digibank.Api.GraphQL;
using Digibank.Api.HelpRequests;
using Digibank.Api.Municipalities;
using Digibank.Api.Participants;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Dashboard;

/// <summary>One row of a breakdown: a town, a target group or a month, with its published figures.</summary>
public sealed record ReachRow(Municipality? Municipality, TargetGroup? TargetGroup, string? Month, ReachCounts Counts);

/// <summary>
/// Reach of the Digibank in a period, for the subsidy report: people reached and what they took part in, in total and
/// by town, target group and month, with small groups suppressed. Anonymous by construction: only counts leave the database.
/// </summary>
public sealed record ReachStatistics(
    ReachPeriod Period,
    Municipality? Municipality,
    ReachCounts Totals,
    IReadOnlyList<ReachRow> ByMunicipality,
    IReadOnlyList<ReachRow> ByTargetGroup,
    IReadOnlyList<ReachRow> ByMonth)
{
    /// <summary>A row of counted activity before it is added up into the breakdowns.</summary>
    private sealed record ActivityCell(int MunicipalityId, TargetGroup? TargetGroup, int Month, ReachTally Tally);

    /// <summary>
    /// Six grouped queries whatever the number of people: the towns, people by town and group, people by month, and one
    /// per kind of activity by town, group and month. Everything else is adding up those few rows.
    /// </summary>
    public static async Task<ReachStatistics> ComputeAsync(DigibankDbContext db, ReachPeriod period, int? municipalityId, CancellationToken cancellationToken)
    {
        var municipalities = await db.Municipalities
            .Where(m => municipalityId == null || m.Id == municipalityId)
            .OrderBy(m => m.Name)
            .ToListAsync(cancellationToken);
        if (municipalityId is not null && municipalities.Count == 0)
        {
            throw new ExecutionError("There is no such municipality.") { Code = ErrorCodes.InvalidId };
        }

        var (signUps, loans, helpRequests, helpedPeople) = Sources.Of(db, period, municipalityId);
        // An erased participant keeps their row (town and group), so they are still counted here.
        var reachedIds = signUps.Select(s => s.ParticipantId)
            .Union(loans.Select(l => l.ParticipantId))
            .Union(helpedPeople.Select(h => h.ParticipantId!.Value));
        var peopleByGroup = (await db.Participants
            .Where(p => reachedIds.Contains(p.Id))
            .GroupBy(p => new { p.MunicipalityId, p.TargetGroup })
            .Select(group => new { group.Key.MunicipalityId, group.Key.TargetGroup, People = group.Count() })
            .ToListAsync(cancellationToken))
            .Select(group => new PeopleInGroup(group.MunicipalityId, group.TargetGroup, group.People))
            .ToList();

        var peopleByMonth = await period.InMonths(
                signUps.Select(s => new { s.ParticipantId, Month = ReachPeriod.MonthOf(s.CreatedAt) })
                    .Union(loans.Select(l => new { l.ParticipantId, Month = ReachPeriod.MonthOf(l.CheckedOutAt) }))
                    .Union(helpedPeople.Select(h => new { ParticipantId = h.ParticipantId!.Value, Month = ReachPeriod.MonthOf(h.CreatedAt) }))
                    .GroupBy(reached => reached.Month)
                    .Select(group => new { Month = group.Key, People = group.Count() }))
            .ToDictionaryAsync(row => row.Month, row => row.People, cancellationToken);

        var activity = await ActivityAsync(period, signUps, loans, helpRequests, cancellationToken);
        return Breakdowns(period, municipalityId is null ? null : municipalities[0], municipalities, peopleByGroup, peopleByMonth, activity);
    }

    /// <summary>The people reached in a town and target group.</summary>
    private sealed record PeopleInGroup(int MunicipalityId, TargetGroup TargetGroup, int People);

    /// <summary>What counts in the period, in the one town asked for or in all.</summary>
    private sealed record Sources(IQueryable<SignUp> SignUps, IQueryable<Loan> Loans, IQueryable<HelpRequest> HelpRequests, IQueryable<HelpRequest> HelpedPeople)
    {
        public static Sources Of(DigibankDbContext db, ReachPeriod period, int? municipalityId)
        {
            var (from, to) = (period.From, period.To);
            // A cancelled sign-up reached no one; waitlisted people did get in touch with the Digibank.
            var signUps = db.SignUps.Where(s => s.CreatedAt >= from && s.CreatedAt < to && s.Status != SignUpStatus.Cancelled);
            var loans = db.Loans.Where(l => l.CheckedOutAt >= from && l.CheckedOutAt < to);
            var helpRequests = db.HelpRequests.Where(h => h.CreatedAt >= from && h.CreatedAt < to);
            var helpedPeople = helpRequests.Where(h => h.ParticipantId != null);
            if (municipalityId is { } only)
            {
                signUps = signUps.Where(s => s.Participant!.MunicipalityId == only);
                loans = loans.Where(l => l.Participant!.MunicipalityId == only);
                helpRequests = helpRequests.Where(h => h.MunicipalityId == only);
                helpedPeople = helpedPeople.Where(h => h.Participant!.MunicipalityId == only);
            }

            return new Sources(signUps, loans, helpRequests, helpedPeople);
        }
    }

    /// <summary>One grouped query per kind of activity, by town, target group and month.</summary>
    private static async Task<List<ActivityCell>> ActivityAsync(
        ReachPeriod period, IQueryable<SignUp> signUps, IQueryable<Loan> loans, IQueryable<HelpRequest> helpRequests, CancellationToken cancellationToken)
    {
        var signUpCells = await period.InMonths(signUps
                .GroupBy(s => new { s.Participant!.MunicipalityId, s.Participant.TargetGroup, Month = ReachPeriod.MonthOf(s.CreatedAt) })
                .Select(group => new
                {
                    group.Key.MunicipalityId,
                    group.Key.TargetGroup,
                    group.Key.Month,
                    SignUps = group.Count(),
                    Attended = group.Count(s => s.Status == SignUpStatus.Attended),
                    NoShows = group.Count(s => s.Status == SignUpStatus.NoShow),
                }))
            .ToListAsync(cancellationToken);

        var loanCells = await period.InMonths(loans
                .GroupBy(l => new { l.Participant!.MunicipalityId, l.Participant.TargetGroup, Month = ReachPeriod.MonthOf(l.CheckedOutAt) })
                .Select(group => new { group.Key.MunicipalityId, group.Key.TargetGroup, group.Key.Month, Loans = group.Count() }))
            .ToListAsync(cancellationToken);

        // A help request counts for the town it names, which it has even when no person is known.
        var helpRequestCells = await period.InMonths(helpRequests
                .GroupBy(h => new { h.MunicipalityId, TargetGroup = (TargetGroup?)h.Participant!.TargetGroup, Month = ReachPeriod.MonthOf(h.CreatedAt) })
                .Select(group => new
                {
                    group.Key.MunicipalityId,
                    group.Key.TargetGroup,
                    group.Key.Month,
                    HelpRequests = group.Count(),
                    HomeVisits = group.Count(h => h.Channel == HelpRequestChannel.HomeVisit),
                }))
            .ToListAsync(cancellationToken);

        return
        [
            .. signUpCells.Select(c => new ActivityCell(c.MunicipalityId, c.TargetGroup, c.Month, ReachTally.Zero with { SignUps = c.SignUps, Attended = c.Attended, NoShows = c.NoShows })),
            .. loanCells.Select(c => new ActivityCell(c.MunicipalityId, c.TargetGroup, c.Month, ReachTally.Zero with { Loans = c.Loans })),
            .. helpRequestCells.Select(c => new ActivityCell(c.MunicipalityId, c.TargetGroup, c.Month, ReachTally.Zero with { HelpRequests = c.HelpRequests, HomeVisits = c.HomeVisits })),
        ];
    }

    /// <summary>The activity added up in total and by town, target group and month, with small groups suppressed.</summary>
    private static ReachStatistics Breakdowns(
        ReachPeriod period,
        Municipality? municipality,
        List<Municipality> municipalities,
        List<PeopleInGroup> peopleByGroup,
        Dictionary<int, int> peopleByMonth,
        List<ActivityCell> activity)
    {
        ReachTally Tally(int people, Func<ActivityCell, bool> belongs) =>
            ReachTally.Sum(activity.Where(belongs).Select(cell => cell.Tally)) with { PeopleReached = people };

        var totals = SmallGroupSuppression.Primary(Tally(peopleByGroup.Sum(p => p.People), _ => true));

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
            municipality,
            totals,
            [.. SmallGroupSuppression.Breakdown(totals, byMunicipality).Select((counts, index) => new ReachRow(municipalities[index], null, null, counts))],
            [.. SmallGroupSuppression.Breakdown(totals, byTargetGroup).Select((counts, index) => new ReachRow(null, targetGroups[index], null, counts))],
            [.. SmallGroupSuppression.Breakdown(totals, byMonth).Select((counts, index) => new ReachRow(null, null, period.Months[index].Label, counts))]);
    }
}
