using Digibank.Api.Staff;

namespace Digibank.Api.Accounts;

public sealed record ChangeStaffAccess(int AccountId, StaffRole Role, IReadOnlyCollection<int> HelpPointIds, int? DigibuddyId = null);
