namespace Digibank.Api.Privacy;

/// <summary>
/// A person before the erasure: the details it blanks, what it cancels and deletes, what stops it (a device on loan),
/// what it leaves without anyone to reach (open help requests), and how much anonymous history stays.
/// </summary>
public sealed record ErasurePreview(
    int ParticipantId,
    string? FirstName,
    string? Email,
    string? Phone,
    int ActiveSignUps,
    int ActiveReservations,
    int Messages,
    int CallTasks,
    int OpenLoans,
    int OpenHelpRequests,
    int HistoryKept);
