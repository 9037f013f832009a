using Digibank.Api.Staff;

namespace Digibank.Api.Devices;

public sealed record ReturnDevice(int LoanId, DeviceCondition Condition, bool AccessoriesComplete, StaffUser Staff);
