using Digibank.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.HelpRequests;

/// <summary>A digibuddy proposed for a help request, with the reasons.</summary>
public sealed record HelpRequestMatch(Digibuddy Digibuddy, bool HasSkill, bool SameMunicipality, int OpenAssignments)
{
    /// <summary>
    /// The active digibuddies of the request's region who help with its topic, best first: those in the request's town,
    /// then the least busy, then by first name. One query, whatever the number of digibuddies.
    /// </summary>
    public static async Task<IReadOnlyList<HelpRequestMatch>> ForAsync(DigibankDbContext db, HelpRequest request, CancellationToken cancellationToken)
    {
        // The region's own volunteers: a digibuddy of another region is not theirs to send.
        var candidates = await db.Digibuddies
            .Where(d => d.Active && d.Municipality!.RegionId == request.RegionId && d.Skills.Any(skill => skill.Id == request.TopicId))
            .Select(d => new
            {
                Digibuddy = d,
                SameMunicipality = d.MunicipalityId == request.MunicipalityId,
                OpenAssignments = db.Set<HelpRequest>().Count(h => h.AssignedDigibuddyId == d.Id
                    && (h.Status == HelpRequestStatus.Assigned || h.Status == HelpRequestStatus.Scheduled)),
            })
            .OrderByDescending(candidate => candidate.SameMunicipality)
            .ThenBy(candidate => candidate.OpenAssignments)
            .ThenBy(candidate => candidate.Digibuddy.FirstName)
            .ToListAsync(cancellationToken);
        return [.. candidates.Select(candidate => new HelpRequestMatch(candidate.Digibuddy, HasSkill: true, candidate.SameMunicipality, candidate.OpenAssignments))];
    }
}
