using Digibank.Api.Staff;
using GraphQL;

namespace Digibank.Api.HelpRequests;

/// <summary>
/// Registering and assigning a point's requests is for its staff and the coordinator. Digibuddies are volunteers: they
/// see who asked, plan the visit and resolve it only for the requests assigned to them, whatever points their token names.
/// </summary>
public static class HelpRequestAccess
{
    public static bool IsAssignedDigibuddyOf(this StaffUser caller, HelpRequest request) =>
        caller.IsDigibuddy && caller.DigibuddyId is { } digibuddyId && request.AssignedDigibuddyId == digibuddyId && caller.WorksIn(request.RegionId);

    /// <summary>Staff of the request's help point, the coordinator, or the digibuddy the request is assigned to.</summary>
    public static bool Helps(this StaffUser caller, HelpRequest request) =>
        caller.CanActFor(request.HelpPointId, request.RegionId) || caller.IsAssignedDigibuddyOf(request);

    /// <summary>
    /// The requests the caller sees, and only in their own region: the coordinator all of it, staff those of their help
    /// points, a digibuddy those assigned to them; the admin none.
    /// </summary>
    public static IQueryable<HelpRequest> VisibleTo(this IQueryable<HelpRequest> requests, StaffUser caller)
    {
        var region = caller.RegionId;
        requests = requests.Where(h => h.RegionId == region);
        int[] helpPointIds = [.. caller.HelpPointIds];
        return caller.Role switch
        {
            StaffRole.Coordinator => requests,
            StaffRole.Digibuddy => caller.DigibuddyId is { } digibuddyId ? requests.Where(h => h.AssignedDigibuddyId == digibuddyId) : requests.Where(_ => false),
            _ => requests.Where(h => h.HelpPointId != null && helpPointIds.Contains(h.HelpPointId.Value)),
        };
    }

    /// <summary>The caller when they help with <paramref name="request"/>, or an <c>AUTH_NOT_AUTHORIZED</c> error.</summary>
    public static StaffUser RequireHelperOf(this IResolveFieldContext context, HelpRequest request)
    {
        var caller = context.RequireStaffOrDigibuddy();
        return caller.Helps(request)
            ? caller
            : throw new ExecutionError("Only staff of the request's help point and the digibuddy it is assigned to see this.") { Code = StaffAccess.NotAuthorized };
    }
}
