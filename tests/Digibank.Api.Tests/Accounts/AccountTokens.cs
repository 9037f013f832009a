using Digibank.Api.Accounts;
using Digibank.Api.Regions;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Balie;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Api.Tests.Accounts;

public static class AccountTokens
{
    /// <summary>An API token that speaks for <paramref name="account"/>, as the Mijn account page makes one.</summary>
    public static async Task<string> IssueAsync(IServiceProvider services, CounterAccount account)
    {
        await using var scope = services.CreateAsyncScope();
        // Only the subject names the account; the token carries what the account holds.
        var user = new StaffUser(StaffAccount.SubjectOf(account.Id), account.Name, StaffRole.Staff, Region.FirstRegionId, new HashSet<int>(), null);
        return await scope.ServiceProvider.GetRequiredService<StaffAccounts>().IssueApiTokenAsync(user, CancellationToken.None)
            ?? throw new InvalidOperationException($"Account {account.Id} is not active.");
    }
}
