using Digibank.Api.Staff;

namespace Digibank.Api.Devices;

/// <summary>
/// Record that a returned device was wiped; <see cref="Condition"/> null keeps the recorded one. <see cref="StepsDone"/>,
/// when given (the counter's checklist), must hold every <see cref="WipeStep"/>.
/// </summary>
public sealed record MarkDeviceWiped(int DeviceId, DeviceCondition? Condition, StaffUser Staff, IReadOnlyCollection<WipeStep>? StepsDone = null);
