namespace Digibank.Api.HelpRequests;

/// <summary>A request in the counter's list: what it is about, for whom, and who helps.</summary>
public sealed record CounterHelpRow(
    int Id,
    string Topic,
    HelpRequestUrgency Urgency,
    HelpRequestChannel Channel,
    HelpRequestStatus Status,
    string Town,
    int? HelpPointId,
    string? PersonName,
    string? DigibuddyName,
    string? StaffName,
    DateTime? VisitStartsAt,
    DateTime? VisitEndsAt,
    DateTime CreatedAt);
