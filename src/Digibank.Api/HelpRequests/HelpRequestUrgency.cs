namespace Digibank.Api.HelpRequests;

public enum HelpRequestUrgency
{
    Normal,
    Urgent,
}
