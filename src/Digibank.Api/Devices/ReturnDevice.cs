using Digibank.Api.Staff;

namespace Digibank.Api.Devices;

/// <summary>
/// Take a device back. <see cref="AccessoriesReturned"/>, when given, says which of the accessories handed out came
/// back and so whether they all did; without it, <see cref="AccessoriesComplete"/> says so for the lot.
/// </summary>
public sealed record ReturnDevice(
    int LoanId, DeviceCondition Condition, bool? AccessoriesComplete, StaffUser Staff, IReadOnlyCollection<LoanAccessory>? AccessoriesReturned = null);
