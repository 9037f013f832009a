namespace Digibank.Api.Participants;

/// <summary>The person registered, or every reason they were not (a form shows each next to its field).</summary>
public sealed record Registration(int? ParticipantId, IReadOnlyList<UserError> Errors);
