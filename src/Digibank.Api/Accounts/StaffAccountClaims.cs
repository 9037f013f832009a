using System.Globalization;
using System.Security.Claims;
using Digibank.Api.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Digibank.Api.Accounts;

/// <summary>
/// A page session's claims: the ones a staff token carries (<see cref="StaffUser.From"/> reads both alike), the
/// account's id and its security stamp, which every request checks.
/// </summary>
internal sealed class StaffAccountClaims(UserManager<StaffAccount> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffAccount>(users, options)
{
    protected override Task<ClaimsIdentity> GenerateClaimsAsync(StaffAccount account)
    {
        var identity = new ClaimsIdentity(IdentityConstants.ApplicationScheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(StaffUser.AccountClaim, account.Id.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(Options.ClaimsIdentity.SecurityStampClaimType, account.SecurityStamp ?? string.Empty));
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, account.Subject));
        identity.AddClaim(new Claim(ClaimTypes.Name, account.Name));
        identity.AddClaim(new Claim(ClaimTypes.Role, account.Role.ToString()));
        if (account.RegionId is { } region)
        {
            identity.AddClaim(new Claim(StaffUser.RegionClaim, region.ToString(CultureInfo.InvariantCulture)));
        }

        foreach (var helpPoint in account.HelpPointIds)
        {
            identity.AddClaim(new Claim(StaffUser.HelpPointClaim, helpPoint.ToString(CultureInfo.InvariantCulture)));
        }

        if (account.DigibuddyId is { } buddy)
        {
            identity.AddClaim(new Claim(StaffUser.DigibuddyClaim, buddy.ToString(CultureInfo.InvariantCulture)));
        }

        return Task.FromResult(identity);
    }
}
