using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Digibank.Api.Accounts;

/// <summary>Identity's sign-in, for accounts that accepted their invitation and are not deactivated.</summary>
internal sealed class StaffSignInManager(
    UserManager<StaffAccount> users,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<StaffAccount> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<StaffAccount>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<StaffAccount> confirmation)
    : SignInManager<StaffAccount>(users, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(StaffAccount user) => user.IsActive && await base.CanSignInAsync(user);
}
