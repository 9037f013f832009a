using Digibank.Api.Accounts;
using Digibank.Api.Regions;
using Digibank.Api.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Api.Tests.Balie;

/// <summary>A person with an active account, made the way the command line and an invitation make one.</summary>
public sealed record CounterAccount(int Id, string Email, string Password, string Name);

public static class CounterAccounts
{
    public const string Password = "een lange zin als wachtwoord";

    /// <summary>Invites a person into the demo region (as the command line does) and accepts the invitation with <see cref="Password"/>.</summary>
    public static async Task<CounterAccount> CreateAsync(
        IServiceProvider services, StaffRole role, IReadOnlyCollection<int>? helpPoints = null, string? name = null, int regionId = Region.FirstRegionId, int? digibuddyId = null)
    {
        name ??= role switch { StaffRole.Coordinator => "Griet", StaffRole.Digibuddy => "Noor", _ => "Els" };
        var email = $"{name.ToLowerInvariant()}.{Guid.NewGuid():N}@digibank.test";
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var invited = await accounts.InviteAsync(new InviteStaff(email, name, role, helpPoints ?? [], digibuddyId, regionId), by: null, CancellationToken.None);
        Assert.Null(invited.Error);
        var accepted = await accounts.AcceptInvitationAsync(TokenOf(invited.Value!.Link), Password, CancellationToken.None);
        Assert.Null(accepted.Error);
        return new CounterAccount(accepted.Value!.Id, email, Password, name);
    }

    /// <summary>The token at the end of an invitation link.</summary>
    public static string TokenOf(string link) => link[(link.LastIndexOf('/') + 1)..];
}
