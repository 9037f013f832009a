using Digibank.Api.Staff;

namespace Digibank.Api.Devices;

/// <summary>
/// Hand a device to a borrower, fulfilling <see cref="ReservationId"/> or else the borrower's own place in the queue,
/// with the <see cref="Accessories"/> that go with it; <see cref="DueAt"/> null gives the kind's loan period, a date
/// may be sooner, never later.
/// </summary>
public sealed record LendDevice(
    int DeviceId, int BorrowerId, int? ReservationId, StaffUser Staff, IReadOnlyCollection<LoanAccessory>? Accessories = null, DateTime? DueAt = null);
