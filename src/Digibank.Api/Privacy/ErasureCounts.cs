namespace Digibank.Api.Privacy;

/// <summary>What an erasure cancelled and deleted: counts only, so they can be told afterwards without telling whose.</summary>
public sealed record ErasureCounts(int SignUpsCancelled, int ReservationsCancelled, int MessagesDeleted, int CallTasksDeleted);
