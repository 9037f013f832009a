using Digibank.Api.Staff;
using Microsoft.AspNetCore.Identity;

namespace Digibank.Api.Accounts;

/// <summary>
/// A person who works for a region: invited by its coordinator with a role and help points, signed in at the counter
/// (<c>/balie</c>) with a password they chose, and maybe an authenticator app. Deactivating the account or changing its
/// access renews its security stamp, which ends its page sessions and its API tokens at once.
/// </summary>
public sealed class StaffAccount : IdentityUser<int>
{
    public string Name { get; set; } = string.Empty;

    public StaffRole Role { get; set; }

    /// <summary>The region the person works for; null only for the admin.</summary>
    public int? RegionId { get; set; }

    /// <summary>The help points a staff member works at, all of <see cref="RegionId"/>.</summary>
    public List<int> HelpPointIds { get; set; } = [];

    /// <summary>The digibuddy this account signs in, for a digibuddy.</summary>
    public int? DigibuddyId { get; set; }

    public DateTime InvitedAt { get; set; }

    /// <summary>Who invited the person (an account's name, or the command line).</summary>
    public string InvitedBy { get; set; } = string.Empty;

    /// <summary>When the person accepted the invitation by choosing a password; null while it is open.</summary>
    public DateTime? ActivatedAt { get; set; }

    public DateTime? DeactivatedAt { get; set; }

    public bool IsActive => ActivatedAt is not null && DeactivatedAt is null;

    /// <summary>What an account's token or cookie calls the person: stable across sessions, never an e-mail address.</summary>
    public string Subject => SubjectOf(Id);

    public static string SubjectOf(int accountId) => FormattableString.Invariant($"account:{accountId}");
}
