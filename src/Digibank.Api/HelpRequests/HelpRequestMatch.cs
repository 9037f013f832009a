namespace Digibank.Api.HelpRequests;

/// <summary>A digibuddy proposed for a help request, with the reasons.</summary>
public sealed record HelpRequestMatch(Digibuddy Digibuddy, bool HasSkill, bool SameMunicipality, int OpenAssignments);
