using Digibank.Api.Data;
using Digibank.Api.Municipalities;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Participants;

/// <summary>
/// The rules of registering a person at the counter, before they sign up, borrow or ask for help: staff of the region
/// register people of its towns; a person with an e-mail address or phone number already known is that person, not a
/// new one; and people with the same first name in the same town are shown first, since someone without e-mail or
/// phone can be told apart from them only by staff who ask. Only what the work needs is kept (see <see cref="Participant"/>).
/// Works inside the caller's transaction on the caller's context; the caller saves and commits.
/// </summary>
public sealed class ParticipantRegister(DigibankDbContext db, DateTime now)
{
    /// <summary>At most this many namesakes are named: enough to recognise the person, few enough to read.</summary>
    public const int MaxNamesakes = 5;

    public async Task<Result<Participant>> RegisterAsync(RegisterParticipant command, CancellationToken cancellationToken)
    {
        var (resident, despiteNamesakes, staff) = command;
        if (staff.RegionId is not { } regionId || !(staff.IsCoordinator || staff.Role == StaffRole.Staff))
        {
            return new NotAllowedError("Only staff and coordinators of a region register its people.");
        }

        if (!await db.Municipalities.AnyAsync(m => m.Id == resident.MunicipalityId && m.RegionId == regionId, cancellationToken))
        {
            return new InvalidInputError("municipalityId", "There is no such town in the region.");
        }

        db.EnterRegion(regionId);
        if (await resident.FindKnownAsync(db, regionId, cancellationToken) is { } known)
        {
            return new PersonKnownError("Someone with this e-mail address or phone number is known already.", known.Id);
        }

        if (!despiteNamesakes && await NamesakesAsync(resident, regionId, cancellationToken) is { Count: > 0 } namesakes)
        {
            return new NamesakesError($"{namesakes.Count} person(s) named {resident.FirstName} live in this town already.", namesakes);
        }

        return resident.Store(db, regionId, known: null, now, staff);
    }

    /// <summary>The people of the region with the same first name (whatever its case) in the same town, oldest first.</summary>
    private async Task<List<int>> NamesakesAsync(ResidentDetails resident, int regionId, CancellationToken cancellationToken)
    {
        var name = resident.FirstName!.ToLowerInvariant();
        return await db.Participants
            .Where(p => p.RegionId == regionId && p.ErasedAt == null && p.MunicipalityId == resident.MunicipalityId && p.FirstName!.ToLower() == name)
            .OrderBy(p => p.Id).Select(p => p.Id).Take(MaxNamesakes).ToListAsync(cancellationToken);
    }
}
