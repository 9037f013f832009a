using Digibank.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Partners;

/// <summary>
/// A partner registered once, with the regions it may publish in: <c>--issue-partner-key vdab --regions poperinge,ieper</c>.
/// A partner not known yet is registered with <see cref="Name"/> and <see cref="Kind"/>. Without regions, a partner
/// keeps those it has; a partner without any gets the only region, when there is one.
/// </summary>
public sealed record PartnerRegistration(string Code, IReadOnlyList<string>? RegionCodes = null, string? Name = null, PartnerKind? Kind = null)
{
    /// <summary>Registers the partner or sets its regions, in the caller's unit of work; an <see cref="InvalidOperationException"/> says what is wrong, and nothing is saved.</summary>
    public async Task<Partner> ApplyAsync(DigibankDbContext db, IReadOnlyDictionary<string, int> regions, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.AsTracking().Include(p => p.Regions).SingleOrDefaultAsync(p => p.Code == Code, cancellationToken);
        if (partner is null)
        {
            partner = Name is { Length: > 0 } name && Kind is { } kind
                ? new Partner { Code = Code, Name = name, Kind = kind }
                : throw new InvalidOperationException(
                    $"There is no partner with code '{Code}'. Register it with --name and --kind ({string.Join(", ", Enum.GetNames<PartnerKind>())}).");
            db.Partners.Add(partner);
        }

        var regionIds = RegionIds(regions, partner);
        partner.Regions.RemoveAll(allowed => !regionIds.Contains(allowed.RegionId));
        partner.Regions.AddRange(regionIds.Where(id => partner.Regions.All(allowed => allowed.RegionId != id)).Select(id => new PartnerRegion { RegionId = id }));
        return partner;
    }

    private HashSet<int> RegionIds(IReadOnlyDictionary<string, int> regions, Partner partner)
    {
        if (RegionCodes is { Count: > 0 } codes)
        {
            var unknown = codes.Where(code => !regions.ContainsKey(code)).ToList();
            return unknown.Count == 0
                ? [.. codes.Select(code => regions[code])]
                : throw new InvalidOperationException($"No region has the code {string.Join(", ", unknown.Select(code => $"'{code}'"))}. The regions: {string.Join(", ", regions.Keys.Order())}.");
        }

        if (partner.Regions.Count > 0)
        {
            return [.. partner.Regions.Select(allowed => allowed.RegionId)];
        }

        return regions.Count == 1
            ? [regions.Values.Single()]
            : throw new InvalidOperationException($"Name the regions partner '{Code}' publishes in with --regions ({string.Join(", ", regions.Keys.Order())}).");
    }
}
