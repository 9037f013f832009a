namespace Digibank.Api.HelpRequests;

public sealed record DigibuddyEntry(int Id, string FirstName, string Town, IReadOnlyList<string> TopicCodes);
