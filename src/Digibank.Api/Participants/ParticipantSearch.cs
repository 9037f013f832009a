using Digibank.Api.Data;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Participants;

/// <summary>
/// Finding a person at the counter, as staff type what the person tells them: an e-mail address finds that address, a
/// phone number (however it is written) that number, in the one form each is stored in; anything else is part of a first
/// name. Only the people of the searcher's region who are not erased, and only for staff and the coordinator: a
/// digibuddy sees the people of the requests given to them, nobody else.
/// </summary>
public sealed class ParticipantSearch(IDbContextFactory<DigibankDbContext> dbContextFactory)
{
    public const int MinLength = 2;

    /// <summary>A search that names half the region is a typing error: the first ones are shown, and the counter asks for more.</summary>
    public const int MaxFound = 50;

    public async Task<IReadOnlyList<ParticipantFound>> FindAsync(StaffUser staff, string? text, CancellationToken cancellationToken)
    {
        var term = text?.Trim() ?? string.Empty;
        if (term.Length < MinLength || staff.IsDigibuddy || staff.RegionId is not { } regionId)
        {
            return [];
        }

        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var people = db.Participants.AsNoTracking().Where(p => p.RegionId == regionId && p.ErasedAt == null);
        if (term.Contains('@', StringComparison.Ordinal))
        {
            var email = EmailAddress.Normalise(term);
            people = people.Where(p => p.Email == email);
        }
        else if (PhoneNumber.TryNormalise(term, out var phone))
        {
            people = people.Where(p => p.Phone == phone);
        }
        else
        {
            var name = term.ToLowerInvariant();
            people = people.Where(p => p.FirstName != null && p.FirstName.ToLower().Contains(name));
        }

        return await people.OrderBy(p => p.FirstName).ThenBy(p => p.Id).Take(MaxFound)
            .Select(p => new ParticipantFound(p.Id, p.FirstName!, p.Email, p.Phone, p.Municipality!.Name, p.TargetGroup, p.CreatedAt))
            .ToListAsync(cancellationToken);
    }
}
