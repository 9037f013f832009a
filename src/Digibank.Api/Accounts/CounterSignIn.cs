using System.Globalization;
using System.Text;
using Digibank.Api.Staff;
using Microsoft.AspNetCore.Identity;

namespace Digibank.Api.Accounts;

/// <summary>
/// Signing in at the counter, the one way for every page: a password, then an authenticator code when the account
/// has one. Every refusal is the same, for an unknown address, a wrong password, a deactivated or a locked account,
/// and takes as long, so the page tells no one which addresses have an account.
/// </summary>
public sealed class CounterSignIn(SignInManager<StaffAccount> signIn, UserManager<StaffAccount> users, IUserStore<StaffAccount> store)
{
    public async Task<SignInOutcome> PasswordAsync(string? email, string? password)
    {
        var account = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (account is null || string.IsNullOrEmpty(password))
        {
            // The work a wrong password costs, so an unknown address is not told apart by its answer's speed.
            users.PasswordHasher.VerifyHashedPassword(Unknown, UnknownHash, password ?? string.Empty);
            return SignInOutcome.Refused;
        }

        var result = await signIn.PasswordSignInAsync(account, password, isPersistent: false, lockoutOnFailure: true);
        return result.Succeeded ? SignInOutcome.SignedIn : result.RequiresTwoFactor ? SignInOutcome.CodeNeeded : SignInOutcome.Refused;
    }

    /// <summary>Whether a password was given and an authenticator code is awaited in this browser.</summary>
    public async Task<bool> AwaitsCodeAsync() => await signIn.GetTwoFactorAuthenticationUserAsync() is not null;

    public async Task<SignInOutcome> CodeAsync(string? code)
    {
        var digits = new string((code ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return SignInOutcome.Expired;
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(digits, isPersistent: false, rememberClient: false);
        return result.Succeeded ? SignInOutcome.SignedIn : SignInOutcome.Refused;
    }

    /// <summary>Signs in the person who just chose their password through their invitation.</summary>
    public async Task AfterInvitationAsync(StaffAccount account) => await signIn.SignInAsync(account, isPersistent: false);

    /// <summary>The key to type or scan into an authenticator app, and the link such apps read; a new key each time until one is confirmed.</summary>
    public async Task<AuthenticatorSetup?> StartAuthenticatorAsync(StaffUser me)
    {
        if (await AccountOf(me) is not { } account)
        {
            return null;
        }

        var key = await users.GetAuthenticatorKeyAsync(account);
        if (string.IsNullOrEmpty(key))
        {
            // Not UserManager's reset, which renews the security stamp: opening this page must not end the person's
            // session and tokens. Until a code from the app is confirmed, the key signs in nothing.
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<StaffAccount>)store).SetAuthenticatorKeyAsync(account, key, CancellationToken.None);
            await users.UpdateAsync(account);
        }

        var grouped = new StringBuilder();
        for (var at = 0; at < key!.Length; at += 4)
        {
            grouped.Append(key.AsSpan(at, Math.Min(4, key.Length - at))).Append(' ');
        }

        var uri = string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString("Digibank balie")}:{Uri.EscapeDataString(account.Email!)}?secret={key}&issuer={Uri.EscapeDataString("Digibank balie")}&digits=6");
        return new AuthenticatorSetup(grouped.ToString().Trim().ToLowerInvariant(), uri, account.TwoFactorEnabled);
    }

    /// <summary>Turns the authenticator on once the person typed a code it shows: from the next sign-in on, it is asked.</summary>
    public async Task<bool> ConfirmAuthenticatorAsync(StaffUser me, string? code)
    {
        var digits = new string((code ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        if (await AccountOf(me) is not { } account
            || !await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, digits))
        {
            return false;
        }

        await users.SetTwoFactorEnabledAsync(account, true);
        await signIn.RefreshSignInAsync(account);
        return true;
    }

    public async Task TurnOffAuthenticatorAsync(StaffUser me)
    {
        if (await AccountOf(me) is { } account)
        {
            await users.SetTwoFactorEnabledAsync(account, false);
            await users.ResetAuthenticatorKeyAsync(account);
            await signIn.RefreshSignInAsync(account);
        }
    }

    public Task SignOutAsync() => signIn.SignOutAsync();

    private async Task<StaffAccount?> AccountOf(StaffUser me) =>
        StaffAccounts.AccountIdOf(me) is { } id ? await users.FindByIdAsync(id.ToString(CultureInfo.InvariantCulture)) : null;

    private static readonly StaffAccount Unknown = new();

    private static readonly string UnknownHash = new PasswordHasher<StaffAccount>().HashPassword(Unknown, "no account has this password");
}
