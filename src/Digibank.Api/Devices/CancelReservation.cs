using Digibank.Api.Staff;

namespace Digibank.Api.Devices;

/// <summary>Take a reservation out of the queue: as staff of its help point, or as the resident with their token or link.</summary>
public sealed record CancelReservation(int ReservationId, StaffUser? Staff, string? CancellationToken = null);
