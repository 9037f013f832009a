namespace Digibank.Api.Staff;

/// <summary>
/// Whether a staff account's token still speaks for it: the account is active and its security stamp has not been
/// renewed (deactivated, role or help points changed) since the token was made. Tokens minted on the command line
/// name no account and are not asked about.
/// </summary>
public interface IAccountSessions
{
    Task<bool> IsCurrentAsync(int accountId, string stampHash, CancellationToken cancellationToken);
}
