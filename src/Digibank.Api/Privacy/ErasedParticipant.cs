using Digibank.Api.Participants;

namespace Digibank.Api.Privacy;

/// <summary>A person erased on their request, and what the erasure took with it.</summary>
public sealed record ErasedParticipant(Participant Participant, ErasureCounts Counts);

/// <summary>What an erasure cancelled and deleted: counts only, so they can be told afterwards without telling whose.</summary>
public sealed record ErasureCounts(int SignUpsCancelled, int ReservationsCancelled, int MessagesDeleted, int CallTasksDeleted);
