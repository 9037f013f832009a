using Digibank.Api.Staff;

namespace Digibank.Api.Devices;

/// <summary>Hand a device to a borrower, fulfilling <see cref="ReservationId"/> or else the borrower's own place in the queue.</summary>
public sealed record LendDevice(int DeviceId, int BorrowerId, int? ReservationId, StaffUser Staff);
