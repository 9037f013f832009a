namespace Digibank.Api.HelpRequests;

/// <summary>A digibuddy who could take the request: their town, whether it is the request's, and how busy they are.</summary>
public sealed record CounterHelpMatch(int DigibuddyId, string FirstName, string Town, bool SameTown, int OpenAssignments);
