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
        caller.IsDigibuddy && caller.DigibuddyId is { } digibuddyId && request.AssignedDigibuddyId == digibuddyId;

    /// <summary>Staff of the request's help point, the coordinator, or the digibuddy the request is assigned to.</summary>
    public static bool Helps(this StaffUser caller, HelpRequest request) =>
        caller.CanActFor(request.HelpPointId) || caller.IsAssignedDigibuddyOf(request);

    /// <summary>The caller when they help with <paramref name="request"/>, or an <c>AUTH_NOT_AUTHORIZED</c> error.</summary>
    public static StaffUser RequireHelperOf(this IResolveFieldContext context, HelpRequest request)
    {
        var caller = context.RequireStaffOrDigibuddy();
        return caller.Helps(request)
            ? caller
            : throw new ExecutionError("Only staff of the request's help point and the digibuddy it is assigned to see this.") { Code = StaffAccess.NotAuthorized };
    }
}

public static class HelpRequestStatusChanges
{
    /// <summary>
    /// OPEN → ASSIGNED → SCHEDULED → RESOLVED; a phone or walk-in request goes from ASSIGNED straight to RESOLVED.
    /// Re-assigning and re-scheduling keep the status. Every open state may be CANCELLED; RESOLVED and CANCELLED are final.
    /// </summary>
    public static bool IsAllowed(HelpRequestStatus from, HelpRequestStatus to) => (from, to) switch
    {
        (HelpRequestStatus.Open or HelpRequestStatus.Assigned, HelpRequestStatus.Assigned) => true,
        (HelpRequestStatus.Assigned or HelpRequestStatus.Scheduled, HelpRequestStatus.Scheduled) => true,
        (HelpRequestStatus.Assigned or HelpRequestStatus.Scheduled, HelpRequestStatus.Resolved) => true,
        (HelpRequestStatus.Open or HelpRequestStatus.Assigned or HelpRequestStatus.Scheduled, HelpRequestStatus.Cancelled) => true,
        _ => false,
    };

    /// <summary>Null when the change is allowed, otherwise the error that explains why not.</summary>
    public static InvalidStatusChangeError? Check(HelpRequest request, HelpRequestStatus to) =>
        IsAllowed(request.Status, to)
            ? null
            : new InvalidStatusChangeError(Explain(request.Status, to), request.Status, to);

    private static string Explain(HelpRequestStatus from, HelpRequestStatus to) => from switch
    {
        HelpRequestStatus.Resolved or HelpRequestStatus.Cancelled => $"This request is {from.ToString().ToLowerInvariant()}; that is final.",
        HelpRequestStatus.Open when to is HelpRequestStatus.Scheduled or HelpRequestStatus.Resolved => "Assign the request to someone first.",
        _ => $"A request that is {from.ToString().ToLowerInvariant()} cannot become {to.ToString().ToLowerInvariant()}.",
    };
}
