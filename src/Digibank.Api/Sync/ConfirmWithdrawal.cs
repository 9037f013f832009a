using Digibank.Api.Staff;

namespace Digibank.Api.Sync;

/// <summary>The coordinator confirms the withdrawal held for a partner.</summary>
public sealed record ConfirmWithdrawal(int PartnerId, StaffUser Staff);
