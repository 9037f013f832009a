using Digibank.Api.Staff;

namespace Digibank.Api.HelpRequests;

public sealed record ChangeHelpRequestStatus(int HelpRequestId, HelpRequestStatus Status, StaffUser Staff);
