using System.Globalization;
using System.Security.Claims;

namespace Digibank.Api.Staff;

/// <summary>The person behind a staff token: who, in which role, and for which help points.</summary>
public sealed record StaffUser(string Subject, string Name, StaffRole Role, IReadOnlySet<int> HelpPointIds, int? DigibuddyId)
{
    public const string HelpPointClaim = "help_point";
    public const string DigibuddyClaim = "digibuddy";

    public bool IsCoordinator => Role == StaffRole.Coordinator;

    public bool IsDigibuddy => Role == StaffRole.Digibuddy;

    /// <summary>
    /// Coordinators act for the whole region, staff for the points in their token. A digibuddy acts for no help point,
    /// whatever points their token names: they answer the help requests assigned to them, and nothing else.
    /// </summary>
    public bool CanActFor(int? helpPointId) =>
        IsCoordinator || (Role == StaffRole.Staff && helpPointId is { } id && HelpPointIds.Contains(id));

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
        return new StaffUser(subject, principal.FindFirst(ClaimTypes.Name)?.Value ?? subject, role, helpPoints, digibuddy);
    }
}
