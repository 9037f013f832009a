namespace Digibank.Api.HelpRequests;

/// <summary>A help point's help requests at the counter today: those still waiting for an answer, and today's home visits.</summary>
public sealed record HelpToday(IReadOnlyList<HelpRequestEntry> Open, IReadOnlyList<HelpRequestEntry> HomeVisits);

/// <summary>
/// One help request as the counter lists it: the question, who asked (first name and phone, null when unknown or erased),
/// where, who helps (a digibuddy or a staff member), and the visit when one is planned.
/// </summary>
public sealed record HelpRequestEntry(
    int Id, string Topic, HelpRequestUrgency Urgency, HelpRequestChannel Channel, HelpRequestStatus Status, string? FirstName, string? Phone, string Town,
    string? Digibuddy, string? StaffName, DateTime CreatedAt, DateTime? VisitStartsAt, DateTime? VisitEndsAt);
