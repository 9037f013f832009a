using System.Globalization;
using Digibank.Api.HelpPoints;
using Digibank.Api.Staff;

namespace Digibank.Api.Balie.Shared;

/// <summary>
/// Which help point a counter page is about: one of the person's own (a coordinator: any of the region's), as asked by
/// <c>?hulppunt=&lt;id&gt;</c>, else the first of theirs. <see cref="Refused"/> says a point was asked that is not theirs.
/// </summary>
public sealed record HelpPointChoice(IReadOnlyList<HelpPoint> Points, HelpPoint? Chosen, bool Refused)
{
    private static readonly StringComparer ByName = StringComparer.Create(CultureInfo.GetCultureInfo("nl-BE"), ignoreCase: true);

    public static HelpPointChoice Make(StaffUser me, IEnumerable<HelpPoint> all, int? asked)
    {
        List<HelpPoint> mine = [.. all.Where(point => me.CanActFor(point.Id, point.RegionId)).OrderBy(point => point.Name, ByName)];
        var first = me.HelpPointIds.Select(id => mine.Find(point => point.Id == id)).FirstOrDefault(point => point is not null) ?? mine.FirstOrDefault();
        var chosen = asked is { } id ? mine.Find(point => point.Id == id) : null;
        return new HelpPointChoice(mine, chosen ?? first, asked is not null && chosen is null);
    }

    /// <summary>The query string that keeps this choice on a link or a redirect.</summary>
    public string Query => Chosen is { } point ? $"hulppunt={point.Id.ToString(CultureInfo.InvariantCulture)}" : string.Empty;
}
