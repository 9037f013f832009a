namespace Digibank.Api.Notifications;

public enum CallOutcome
{
    Open,
    Reached,
    NotReached,
}
