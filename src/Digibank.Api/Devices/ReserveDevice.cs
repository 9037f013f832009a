using Digibank.Api.Participants;
using Digibank.Api.Staff;

namespace Digibank.Api.Devices;

/// <summary>Put a resident in the queue for a kind of device; <see cref="Staff"/> is null for a resident reserving themselves.</summary>
public sealed record ReserveDevice(int HelpPointId, DeviceKind Kind, ResidentDetails Resident, StaffUser? Staff);
