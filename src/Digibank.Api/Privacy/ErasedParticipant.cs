using Digibank.Api.Participants;

namespace Digibank.Api.Privacy;

/// <summary>A person erased on their request, and what the erasure took with it.</summary>
public sealed record ErasedParticipant(Participant Participant, ErasureCounts Counts);
