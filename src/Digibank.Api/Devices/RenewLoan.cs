using Digibank.Api.Staff;

namespace Digibank.Api.Devices;

public sealed record RenewLoan(int LoanId, StaffUser Staff);
