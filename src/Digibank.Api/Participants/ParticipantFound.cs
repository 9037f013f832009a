namespace Digibank.Api.Participants;

/// <summary>A person the search found: who, how to reach them, and where they live.</summary>
public sealed record ParticipantFound(int Id, string FirstName, string? Email, string? Phone, string Town, TargetGroup TargetGroup, DateTime CreatedAt);
