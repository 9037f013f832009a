using Digibank.Api.Staff;

namespace Digibank.Api.HelpRequests;

/// <summary>Give a request to a digibuddy, or with <see cref="DigibuddyId"/> null to the calling staff member.</summary>
public sealed record AssignHelpRequest(int HelpRequestId, int? DigibuddyId, StaffUser Staff);
