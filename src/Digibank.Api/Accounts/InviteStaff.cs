using Digibank.Api.Staff;

namespace Digibank.Api.Accounts;

/// <summary>Invite a person: <see cref="RegionId"/> is read only from the command line; a coordinator invites into their own region.</summary>
public sealed record InviteStaff(string Email, string Name, StaffRole Role, IReadOnlyCollection<int> HelpPointIds, int? DigibuddyId = null, int? RegionId = null);
