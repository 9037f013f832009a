namespace Digibank.Api.HelpRequests;

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
