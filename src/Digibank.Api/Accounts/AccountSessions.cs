using Digibank.Api.Data;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Accounts;

/// <summary>Reads the account behind a token on every request, so a deactivation or a change of access counts from the next one.</summary>
internal sealed class AccountSessions(IDbContextFactory<DigibankDbContext> dbContextFactory) : IAccountSessions
{
    public async Task<bool> IsCurrentAsync(int accountId, string stampHash, CancellationToken cancellationToken)
    {
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var account = await db.StaffAccounts.Where(a => a.Id == accountId)
            .Select(a => new { a.SecurityStamp, a.ActivatedAt, a.DeactivatedAt })
            .SingleOrDefaultAsync(cancellationToken);
        return account is { ActivatedAt: not null, DeactivatedAt: null } && StaffAccounts.StampHash(account.SecurityStamp) == stampHash;
    }
}
