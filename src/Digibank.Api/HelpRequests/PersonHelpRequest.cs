namespace Digibank.Api.HelpRequests;

/// <summary>A person's question as their page shows it: what about, how and where it is answered, and how far it got.</summary>
public sealed record PersonHelpRequest(
    int Id, string Topic, HelpRequestChannel Channel, int? HelpPointId, HelpRequestStatus Status, DateTime CreatedAt, DateTime? VisitStartsAt);
