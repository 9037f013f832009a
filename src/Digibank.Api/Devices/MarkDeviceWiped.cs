using Digibank.Api.Staff;

namespace Digibank.Api.Devices;

/// <summary>Record that a returned device was wiped; <see cref="Condition"/> null keeps the recorded one.</summary>
public sealed record MarkDeviceWiped(int DeviceId, DeviceCondition? Condition, StaffUser Staff);
