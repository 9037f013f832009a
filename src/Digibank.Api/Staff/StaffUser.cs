using System.Globalization;
using System.Security.Claims;

namespace Digibank.Api.Staff;

/// <summary>
/// The person behind a staff token: who, in which role, for which region (one Digibank) and for which help points.
/// Everyone but the admin works for exactly one region; the admin works for none and manages them all.
/// </summary>
public sealed record StaffUser(string Subject, string Name, StaffRole Role, int? RegionId, IReadOnlySet<int> HelpPointIds, int? DigibuddyId)
{
    public const string HelpPointClaim = "help_point";
    public const string DigibuddyClaim = "digibuddy";
    public const string RegionClaim = "region";

    /// <summary>The staff account behind a page session or an account's API token; absent from tokens minted on the command line.</summary>
    public const string AccountClaim = "account";

    /// <summary>A hash of the account's security stamp when the token was made: renewed, it ends the token.</summary>
    public const string StampClaim = "stamp";

    public bool IsCoordinator => Role == StaffRole.Coordinator;

    public bool IsDigibuddy => Role == StaffRole.Digibuddy;

    public bool IsAdmin => Role == StaffRole.Admin;

    /// <summary>Whether something of <paramref name="regionId"/> is this person's region's: never for the admin, who acts for no region.</summary>
    public bool WorksIn(int? regionId) => RegionId is { } own && regionId == own;

    /// <summary>
    /// Coordinators act for their whole region, staff for the points in their token, and both only in their own region:
    /// <paramref name="regionId"/> is the region of the thing acted on (a help point's, a sign-up's…). A digibuddy acts
    /// for no help point, whatever points their token names: they answer the help requests assigned to them, and nothing else.
    /// </summary>
    public bool CanActFor(int? helpPointId, int? regionId) =>
        WorksIn(regionId) && (IsCoordinator || (Role == StaffRole.Staff && helpPointId is { } id && HelpPointIds.Contains(id)));

    public static StaffUser? From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true
            || principal.FindFirst(ClaimTypes.NameIdentifier)?.Value is not { Length: > 0 } subject
            || !Enum.TryParse<StaffRole>(principal.FindFirst(ClaimTypes.Role)?.Value, ignoreCase: true, out var role))
        {
            return null;
        }

        var helpPoints = principal.FindAll(HelpPointClaim)
            .Select(claim => int.TryParse(claim.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1)
            .Where(id => id > 0)
            .ToHashSet();
        var digibuddy = int.TryParse(principal.FindFirst(DigibuddyClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var buddy) ? buddy : (int?)null;
        var region = int.TryParse(principal.FindFirst(RegionClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var regionId) && regionId > 0 ? regionId : (int?)null;
        // A token for one region's work names that region; one that does not (minted before regions) signs in nobody.
        if ((region is null) != (role == StaffRole.Admin))
        {
            return null;
        }

        return new StaffUser(subject, principal.FindFirst(ClaimTypes.Name)?.Value ?? subject, role, region, helpPoints, digibuddy);
    }
}
