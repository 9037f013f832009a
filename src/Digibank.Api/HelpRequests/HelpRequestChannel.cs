namespace Digibank.Api.HelpRequests;

public enum HelpRequestChannel
{
    WalkIn,
    Phone,
    HomeVisit,
}
