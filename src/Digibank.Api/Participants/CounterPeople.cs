using System.Linq.Expressions;
using Digibank.Api.Data;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Municipalities;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Participants;

/// <summary>
/// The region's people at the counter (the Personen, Uitlenen and Inschrijven pages): found by first name, phone
/// number or e-mail address, a page at a time in one query, and registered through <see cref="ParticipantRegister"/>.
/// Staff and coordinators see the people of their own region; digibuddies, who see only who asked them for help, see
/// no one here.
/// </summary>
public sealed class CounterPeople(IServiceProvider services, IDbContextFactory<DigibankDbContext> dbContextFactory, TimeProvider clock)
{
    /// <summary>A search shows at most this many people: enough to pick from, or a sign to type more.</summary>
    public const int PageSize = 20;

    /// <summary>Shorter searches find too many people to read through.</summary>
    public const int MinSearchLength = 2;

    public static bool MaySee(StaffUser me) => me.RegionId is not null && (me.IsCoordinator || me.Role == StaffRole.Staff);

    /// <summary>
    /// The people whose e-mail address (a search with an @), phone number (a search of digits) or first name holds
    /// <paramref name="search"/>, by name.
    /// </summary>
    public async Task<PeopleFound> SearchAsync(StaffUser me, string? search, CancellationToken cancellationToken)
    {
        var term = search?.Trim() ?? string.Empty;
        if (!MaySee(me) || term.Length < MinSearchLength)
        {
            return PeopleFound.None;
        }

        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var found = await Project(db.Participants.Where(OfRegion(me)).Where(Matching(term)).OrderBy(p => p.FirstName).ThenBy(p => p.Id))
            .Take(PageSize + 1).ToListAsync(cancellationToken);
        return new PeopleFound([.. found.Take(PageSize)], found.Count > PageSize);
    }

    /// <summary>The person, when they are one of the staff member's region's people and not erased.</summary>
    public async Task<CounterPerson?> FindAsync(StaffUser me, int participantId, CancellationToken cancellationToken) =>
        (await FindAllAsync(me, [participantId], cancellationToken)).SingleOrDefault();

    /// <summary>The people of the region among <paramref name="participantIds"/> (a handful: namesakes), in one query.</summary>
    public async Task<IReadOnlyList<CounterPerson>> FindAllAsync(StaffUser me, IReadOnlyCollection<int> participantIds, CancellationToken cancellationToken)
    {
        if (!MaySee(me) || participantIds.Count == 0)
        {
            return [];
        }

        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        return await Project(db.Participants.Where(OfRegion(me)).Where(p => participantIds.Contains(p.Id)).OrderBy(p => p.Id)).ToListAsync(cancellationToken);
    }

    /// <summary>The towns of the region by name, each with the id a registration names it by.</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> TownsAsync(StaffUser me, CancellationToken cancellationToken)
    {
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var towns = await db.Municipalities.Where(m => m.RegionId == me.RegionId).OrderBy(m => m.Name).Select(m => new { m.Id, m.Name }).ToListAsync(cancellationToken);
        return [.. towns.Select(town => (GlobalId.Encode(MunicipalityType.TypeName, town.Id), town.Name))];
    }

    /// <summary>
    /// Registers a person, also without e-mail or phone (staff have them in front of them). Refuses what a resident's
    /// own sign-up refuses, someone known by their contact (<see cref="PersonKnownError"/>), and, unless
    /// <paramref name="despiteNamesakes"/>, a first name already living in that town (<see cref="NamesakesError"/>).
    /// </summary>
    public async Task<Registration> RegisterAsync(RegisterParticipantInput input, bool despiteNamesakes, StaffUser me, CancellationToken cancellationToken)
    {
        var rules = new InputRules();
        var resident = ResidentDetails.Check(rules, me, input, "to help them at the counter", "the help point can reach them");
        if (rules.Failed)
        {
            return new Registration(null, rules.Errors);
        }

        var registered = await StoreWork.RunAsync(
            services,
            work => new ParticipantRegister(work.Db, clock.GetUtcNow().UtcDateTime).RegisterAsync(new RegisterParticipant(resident, despiteNamesakes, me), cancellationToken),
            cancellationToken);
        return registered.Error is { } error ? new Registration(null, [error]) : new Registration(registered.Value!.Id, []);
    }

    private static Expression<Func<Participant, bool>> OfRegion(StaffUser me) => p => p.RegionId == me.RegionId && p.ErasedAt == null;

    /// <summary>An e-mail address, a phone number or a first name, by what was typed.</summary>
    private static Expression<Func<Participant, bool>> Matching(string term)
    {
        if (term.Contains('@', StringComparison.Ordinal))
        {
            var email = EmailAddress.Normalise(term);
            return p => p.Email != null && p.Email.Contains(email);
        }

        if (term.Any(char.IsAsciiDigit) && term.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '/' or '.' or '-' or '(' or ')'))
        {
            var digits = PhoneNumber.TryNormalise(term, out var phone) ? phone : new string([.. term.Where(char.IsAsciiDigit)]);
            return p => p.Phone != null && p.Phone.Contains(digits);
        }

        var name = term.ToLowerInvariant();
        return p => p.FirstName != null && p.FirstName.ToLower().Contains(name);
    }

    private static IQueryable<CounterPerson> Project(IQueryable<Participant> people) =>
        people.Select(p => new CounterPerson(p.Id, p.FirstName!, p.MunicipalityId, p.Municipality!.Name, p.Email, p.Phone, p.TargetGroup, p.CreatedAt));
}
