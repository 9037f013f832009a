namespace Digibank.Api.HelpRequests;

public enum HelpRequestStatus
{
    Open,
    Assigned,
    Scheduled,
    Resolved,
    Cancelled,
}
