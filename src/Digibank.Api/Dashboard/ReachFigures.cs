using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.Data.RowSecurity;
using Digibank.Api.Devices;
using Digibank.Api.GraphQL;
using Digibank.Api.HelpRequests;
using Digibank.Api.Municipalities;
using Digibank.Api.Participants;
using Digibank.Api.Regions;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Dashboard;

/// <summary>
/// Counts the reach of one region or of all regions at once, in the same few grouped queries whatever the number of
/// regions or people: every activity belongs to the region of its place (<c>RegionId</c> on sign-ups, loans and help
/// requests), and every grouping carries that region, so 100 regions cost what one does.
/// </summary>
public static class ReachFigures
{
    /// <summary>A row of counted activity before it is added up into the breakdowns.</summary>
    public sealed record ActivityCell(int RegionId, int MunicipalityId, TargetGroup? TargetGroup, int Month, ReachTally Tally);

    /// <summary>The people reached in a region, town and target group.</summary>
    public sealed record PeopleInGroup(int RegionId, int MunicipalityId, TargetGroup TargetGroup, int People);

    /// <summary>
    /// Six grouped queries: the regions with their towns, people by region, town and group, people by region and
    /// month, and one per kind of activity by region, town, group and month. The rest is adding up those rows.
    /// <paramref name="regionId"/> null: every region, ordered by name.
    /// </summary>
    public static async Task<IReadOnlyList<ReachStatistics>> ComputeAsync(
        DigibankDbContext db, ReachPeriod period, int? regionId, int? municipalityId, CancellationToken cancellationToken)
    {
        // One region's figures are read as that region's; every region's figures are the admin's overview, a named bypass.
        using var scope = regionId is { } own ? RegionScope.For(own) : RegionScope.Bypass(RegionBypasses.Overview);
        var regionRows = regionId is { } onlyRegion ? db.Regions.Where(r => r.Id == onlyRegion) : db.Regions;
        var regions = await regionRows
            .OrderBy(r => r.Name)
            .Select(r => new
            {
                Region = r,
                Towns = db.Set<Municipality>().Where(m => m.RegionId == r.Id && (municipalityId == null || m.Id == municipalityId)).OrderBy(m => m.Name).ToList(),
            })
            .ToListAsync(cancellationToken);
        if (regions.Count == 0 || (municipalityId is not null && regions.All(r => r.Towns.Count == 0)))
        {
            throw new ExecutionError(municipalityId is null ? "There is no such region." : "There is no such municipality.") { Code = ErrorCodes.InvalidId };
        }

        var (signUps, loans, helpRequests, helpedPeople) = Sources.Of(db, period, regionId, municipalityId);
        // An erased participant keeps their row (town and group), so they are still counted here. People are kept per
        // region, so a person reached in two regions is two rows and counts in both.
        var reached = signUps.Select(s => new { s.RegionId, s.ParticipantId })
            .Union(loans.Select(l => new { l.RegionId, l.ParticipantId }))
            .Union(helpedPeople.Select(h => new { h.RegionId, ParticipantId = h.ParticipantId!.Value }));
        var peopleByGroup = (await reached
            .Join(db.Participants, r => r.ParticipantId, p => p.Id, (r, p) => new { r.RegionId, p.MunicipalityId, p.TargetGroup })
            .GroupBy(person => new { person.RegionId, person.MunicipalityId, person.TargetGroup })
            .Select(group => new { group.Key.RegionId, group.Key.MunicipalityId, group.Key.TargetGroup, People = group.Count() })
            .ToListAsync(cancellationToken))
            .Select(group => new PeopleInGroup(group.RegionId, group.MunicipalityId, group.TargetGroup, group.People))
            .ToList();

        var peopleByMonth = await period.InMonths(
                signUps.Select(s => new { s.RegionId, s.ParticipantId, Month = ReachPeriod.MonthOf(s.CreatedAt) })
                    .Union(loans.Select(l => new { l.RegionId, l.ParticipantId, Month = ReachPeriod.MonthOf(l.CheckedOutAt) }))
                    .Union(helpedPeople.Select(h => new { h.RegionId, ParticipantId = h.ParticipantId!.Value, Month = ReachPeriod.MonthOf(h.CreatedAt) }))
                    .GroupBy(person => new { person.RegionId, person.Month })
                    .Select(group => new { group.Key.RegionId, group.Key.Month, People = group.Count() }))
            .ToListAsync(cancellationToken);

        var activity = await ActivityAsync(period, signUps, loans, helpRequests, cancellationToken);
        return
        [
            .. regions.Select(r => ReachStatistics.Breakdowns(
                period,
                r.Region,
                municipalityId is null ? null : r.Towns.SingleOrDefault(),
                r.Towns,
                [.. peopleByGroup.Where(p => p.RegionId == r.Region.Id)],
                peopleByMonth.Where(p => p.RegionId == r.Region.Id).ToDictionary(p => p.Month, p => p.People),
                [.. activity.Where(cell => cell.RegionId == r.Region.Id)])),
        ];
    }

    /// <summary>What counts in the period, in the region and town asked for or in all.</summary>
    private sealed record Sources(IQueryable<SignUp> SignUps, IQueryable<Loan> Loans, IQueryable<HelpRequest> HelpRequests, IQueryable<HelpRequest> HelpedPeople)
    {
        public static Sources Of(DigibankDbContext db, ReachPeriod period, int? regionId, int? municipalityId)
        {
            var (from, to) = (period.From, period.To);
            // A cancelled sign-up reached no one; waitlisted people did get in touch with the Digibank.
            var signUps = db.SignUps.Where(s => s.CreatedAt >= from && s.CreatedAt < to && s.Status != SignUpStatus.Cancelled);
            var loans = db.Loans.Where(l => l.CheckedOutAt >= from && l.CheckedOutAt < to);
            var helpRequests = db.HelpRequests.Where(h => h.CreatedAt >= from && h.CreatedAt < to);
            if (regionId is { } region)
            {
                signUps = signUps.Where(s => s.RegionId == region);
                loans = loans.Where(l => l.RegionId == region);
                helpRequests = helpRequests.Where(h => h.RegionId == region);
            }

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

    /// <summary>One grouped query per kind of activity, by region, town, target group and month.</summary>
    private static async Task<List<ActivityCell>> ActivityAsync(
        ReachPeriod period, IQueryable<SignUp> signUps, IQueryable<Loan> loans, IQueryable<HelpRequest> helpRequests, CancellationToken cancellationToken)
    {
        var signUpCells = await period.InMonths(signUps
                .GroupBy(s => new { s.RegionId, s.Participant!.MunicipalityId, s.Participant.TargetGroup, Month = ReachPeriod.MonthOf(s.CreatedAt) })
                .Select(group => new
                {
                    group.Key.RegionId,
                    group.Key.MunicipalityId,
                    group.Key.TargetGroup,
                    group.Key.Month,
                    SignUps = group.Count(),
                    Attended = group.Count(s => s.Status == SignUpStatus.Attended),
                    NoShows = group.Count(s => s.Status == SignUpStatus.NoShow),
                }))
            .ToListAsync(cancellationToken);

        var loanCells = await period.InMonths(loans
                .GroupBy(l => new { l.RegionId, l.Participant!.MunicipalityId, l.Participant.TargetGroup, Month = ReachPeriod.MonthOf(l.CheckedOutAt) })
                .Select(group => new { group.Key.RegionId, group.Key.MunicipalityId, group.Key.TargetGroup, group.Key.Month, Loans = group.Count() }))
            .ToListAsync(cancellationToken);

        // A help request counts for the town it names, which it has even when no person is known.
        var helpRequestCells = await period.InMonths(helpRequests
                .GroupBy(h => new { h.RegionId, h.MunicipalityId, TargetGroup = (TargetGroup?)h.Participant!.TargetGroup, Month = ReachPeriod.MonthOf(h.CreatedAt) })
                .Select(group => new
                {
                    group.Key.RegionId,
                    group.Key.MunicipalityId,
                    group.Key.TargetGroup,
                    group.Key.Month,
                    HelpRequests = group.Count(),
                    HomeVisits = group.Count(h => h.Channel == HelpRequestChannel.HomeVisit),
                }))
            .ToListAsync(cancellationToken);

        return
        [
            .. signUpCells.Select(c => new ActivityCell(c.RegionId, c.MunicipalityId, c.TargetGroup, c.Month,
                ReachTally.Zero with { SignUps = c.SignUps, Attended = c.Attended, NoShows = c.NoShows })),
            .. loanCells.Select(c => new ActivityCell(c.RegionId, c.MunicipalityId, c.TargetGroup, c.Month, ReachTally.Zero with { Loans = c.Loans })),
            .. helpRequestCells.Select(c => new ActivityCell(c.RegionId, c.MunicipalityId, c.TargetGroup, c.Month,
                ReachTally.Zero with { HelpRequests = c.HelpRequests, HomeVisits = c.HomeVisits })),
        ];
    }
}
