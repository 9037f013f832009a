using System.Security.Cryptography;
using System.Text;
using Digibank.Api.Data;
using Digibank.Api.HelpRequests;
using Digibank.Api.Notifications;
using Digibank.Api.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Digibank.Api.Accounts;

/// <summary>
/// The rules of staff accounts, whoever asks (the Medewerkers page, the GraphQL mutations, the command line): a
/// coordinator invites people of their own region as staff, digibuddy or coordinator, for help points of that region;
/// an e-mail address has one account; the invited person chooses a password of at least 12 characters through the
/// link, once, within seven days; deactivating an account or changing its access renews its security stamp and
/// raises <see cref="StaffAccessEnded"/>, which ends its sessions and tokens at once. A coordinator does not end or
/// lower their own access, so a region is never left without one.
/// </summary>
public sealed class StaffAccounts(
    IServiceProvider services,
    UserManager<StaffAccount> users,
    InvitationLinks links,
    IPlaceRegions places,
    Mailboxes mailboxes,
    StaffTokens tokens,
    TimeProvider clock,
    ILogger<StaffAccounts> logger)
{
    public const int MinPasswordLength = 12;
    public const int MaxNameLength = 100;

    /// <summary>
    /// Creates the account of <paramref name="command"/> and sends its invitation; <paramref name="by"/> is null for the
    /// command line, which may invite into any region. The link is in the result too, for the command line to print.
    /// </summary>
    public async Task<Result<StaffInvitation>> InviteAsync(InviteStaff command, StaffUser? by, CancellationToken cancellationToken)
    {
        if (by is not null && !by.IsCoordinator)
        {
            return new NotAllowedError("Only the region's coordinator invites colleagues.");
        }

        var regionId = by?.RegionId ?? command.RegionId;
        var rules = new InputRules();
        var email = rules.Email(nameof(command.Email), command.Email);
        var name = rules.Text(nameof(command.Name), command.Name, MaxNameLength);
        if (rules.Failed || email is null || name is null || regionId is null)
        {
            return rules.Errors.FirstOrDefault() ?? new InvalidInputError(nameof(command.RegionId), "Name the region the person works for.");
        }

        if (await CheckAccessAsync(regionId.Value, command.Role, command.HelpPointIds, command.DigibuddyId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await StoreWork.RunAsync<StaffAccount>(services, async work =>
        {
            var normalized = users.NormalizeEmail(email);
            if (await work.Db.StaffAccounts.AnyAsync(a => a.NormalizedEmail == normalized, cancellationToken))
            {
                return new AccountExistsError("Someone already has an account with this e-mail address.");
            }

            return work.Db.StaffAccounts.Add(new StaffAccount
            {
                UserName = email,
                NormalizedUserName = users.NormalizeName(email),
                Email = email,
                NormalizedEmail = normalized,
                Name = name,
                Role = command.Role,
                RegionId = regionId,
                HelpPointIds = [.. command.HelpPointIds.Distinct().Order()],
                DigibuddyId = command.Role == StaffRole.Digibuddy ? command.DigibuddyId : null,
                InvitedAt = clock.GetUtcNow().UtcDateTime,
                InvitedBy = by?.Name ?? "command line",
                SecurityStamp = NewStamp(),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true,
            }).Entity;
        }, cancellationToken);
        return result.Error is { } error ? error : await SendInvitationAsync(result.Value!, cancellationToken);
    }

    /// <summary>A new link for an invitation not yet accepted (the first got lost, or expired); the old one stops working.</summary>
    public async Task<Result<StaffInvitation>> InviteAgainAsync(int accountId, StaffUser by, CancellationToken cancellationToken)
    {
        var renewed = await ChangeAsync(accountId, by, account =>
            account.ActivatedAt is null ? null : new NotAllowedError("This person has chosen a password already: the invitation was used."), cancellationToken);
        return renewed.Error is { } error ? error : await SendInvitationAsync(renewed.Value!, cancellationToken);
    }

    /// <summary>The account an invitation link is for, while it can still be accepted; null otherwise.</summary>
    public async Task<StaffAccount?> FindInvitedAsync(string? token, CancellationToken cancellationToken)
    {
        if (InvitationLinks.AccountOf(token) is not { } accountId)
        {
            return null;
        }

        await using var db = await services.GetRequiredService<IDbContextFactory<DigibankDbContext>>().CreateDbContextAsync(cancellationToken);
        var account = await db.StaffAccounts.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        return account is { ActivatedAt: null, DeactivatedAt: null } && links.Matches(token, account) ? account : null;
    }

    /// <summary>The invited person chooses their password: the account is active from now, and the link is used up.</summary>
    public async Task<Result<StaffAccount>> AcceptInvitationAsync(string? token, string? password, CancellationToken cancellationToken)
    {
        if (await FindInvitedAsync(token, cancellationToken) is not { } invited)
        {
            return new InvitationNotValidError("This invitation link does not work (any more). Ask your coordinator for a new one.");
        }

        if (await CheckPasswordAsync(invited, password) is { } refused)
        {
            return refused;
        }

        return await StoreWork.RunAsync<StaffAccount>(services, async work =>
        {
            var account = await work.Db.StaffAccounts.SingleAsync(a => a.Id == invited.Id, cancellationToken);
            if (account.SecurityStamp != invited.SecurityStamp)
            {
                return new InvitationNotValidError("This invitation link was used a moment ago.");
            }

            account.PasswordHash = users.PasswordHasher.HashPassword(account, password!);
            account.EmailConfirmed = true;
            account.ActivatedAt = clock.GetUtcNow().UtcDateTime;
            account.SecurityStamp = NewStamp();
            return account;
        }, cancellationToken);
    }

    /// <summary>Ends the person's access: they cannot sign in, and their open sessions, sockets and tokens stop at once.</summary>
    public Task<Result<StaffAccount>> DeactivateAsync(int accountId, StaffUser by, CancellationToken cancellationToken) =>
        ChangeAsync(accountId, by, account =>
        {
            if (account.Subject == by.Subject)
            {
                return new OwnAccessError("You cannot deactivate your own account. Another coordinator can.");
            }

            account.DeactivatedAt ??= clock.GetUtcNow().UtcDateTime;
            return null;
        }, cancellationToken, endsAccess: true);

    /// <summary>Gives the person another role or other help points; they sign in again to work with them.</summary>
    public async Task<Result<StaffAccount>> ChangeAccessAsync(ChangeStaffAccess command, StaffUser by, CancellationToken cancellationToken)
    {
        if (by.RegionId is not { } regionId || !by.IsCoordinator)
        {
            return new NotAllowedError("Only the region's coordinator changes what colleagues may do.");
        }

        if (await CheckAccessAsync(regionId, command.Role, command.HelpPointIds, command.DigibuddyId, cancellationToken) is { } refused)
        {
            return refused;
        }

        return await ChangeAsync(command.AccountId, by, account =>
        {
            if (account.Subject == by.Subject && command.Role != StaffRole.Coordinator)
            {
                return new OwnAccessError("You cannot take away your own coordinator role. Another coordinator can.");
            }

            account.Role = command.Role;
            account.HelpPointIds = [.. command.HelpPointIds.Distinct().Order()];
            account.DigibuddyId = command.Role == StaffRole.Digibuddy ? command.DigibuddyId : null;
            return null;
        }, cancellationToken, endsAccess: true);
    }

    /// <summary>The accounts of the coordinator's region, active ones first, by name.</summary>
    public async Task<IReadOnlyList<StaffAccount>> ListAsync(StaffUser by, CancellationToken cancellationToken)
    {
        if (!by.IsCoordinator || by.RegionId is not { } regionId)
        {
            return [];
        }

        await using var db = await services.GetRequiredService<IDbContextFactory<DigibankDbContext>>().CreateDbContextAsync(cancellationToken);
        var accounts = await db.StaffAccounts.Where(a => a.RegionId == regionId).ToListAsync(cancellationToken);
        return [.. accounts.OrderBy(a => a.DeactivatedAt is not null).ThenBy(a => a.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>
    /// A bearer token for the GraphQL API that speaks for the signed-in account (for scripts and GraphiQL): it stops
    /// working when the account's access ends, or at its expiry.
    /// </summary>
    public async Task<string?> IssueApiTokenAsync(StaffUser user, CancellationToken cancellationToken)
    {
        if (AccountIdOf(user) is not { } accountId)
        {
            return null;
        }

        await using var db = await services.GetRequiredService<IDbContextFactory<DigibankDbContext>>().CreateDbContextAsync(cancellationToken);
        var account = await db.StaffAccounts.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        return account is { IsActive: true }
            ? tokens.Mint(account.Subject, account.Name, account.Role, account.RegionId, account.HelpPointIds, account.DigibuddyId, account: (account.Id, StampHash(account.SecurityStamp)))
            : null;
    }

    public static int? AccountIdOf(StaffUser user) =>
        user.Subject.StartsWith("account:", StringComparison.Ordinal) && int.TryParse(user.Subject.AsSpan("account:".Length), out var id) ? id : null;

    /// <summary>What an account's token carries of its security stamp: enough to tell it changed, nothing to sign with.</summary>
    public static string StampHash(string? stamp) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stamp ?? string.Empty)))[..24];

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(20));

    private async Task<UserError?> CheckPasswordAsync(StaffAccount account, string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinPasswordLength)
        {
            return new PasswordNotAcceptedError($"Choose a password of at least {MinPasswordLength} characters. A short sentence is easy to remember.");
        }

        foreach (var validator in users.PasswordValidators)
        {
            if (await validator.ValidateAsync(users, account, password) is { Succeeded: false } failed)
            {
                return new PasswordNotAcceptedError(failed.Errors.First().Description);
            }
        }

        return string.Equals(password.Trim(), account.Email, StringComparison.OrdinalIgnoreCase)
            ? new PasswordNotAcceptedError("Your password cannot be your e-mail address.")
            : null;
    }

    private async Task<UserError?> CheckAccessAsync(int regionId, StaffRole role, IReadOnlyCollection<int> helpPointIds, int? digibuddyId, CancellationToken cancellationToken)
    {
        if (role == StaffRole.Admin)
        {
            return new InvalidInputError("role", "An account is for staff, a digibuddy or a coordinator of one region.");
        }

        if (helpPointIds.FirstOrDefault(id => places.OfHelpPoint(id) != regionId) is var elsewhere and not 0)
        {
            return new NotFoundError($"Help point {elsewhere} is not one of the region's.");
        }

        if (role == StaffRole.Staff && helpPointIds.Count == 0)
        {
            return new InvalidInputError("helpPointIds", "A staff member works at one or more help points: choose them.");
        }

        if (role == StaffRole.Digibuddy)
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<DigibankDbContext>>().CreateDbContextAsync(cancellationToken);
            var buddyRegion = digibuddyId is { } buddy
                ? await db.Digibuddies.Where(d => d.Id == buddy).Select(d => (int?)d.Municipality!.RegionId).SingleOrDefaultAsync(cancellationToken)
                : null;
            if (buddyRegion != regionId)
            {
                return new InvalidInputError("digibuddyId", "A digibuddy's account names the digibuddy of the region it signs in.");
            }
        }

        return null;
    }

    /// <summary>One change to an account of the caller's region, by its coordinator; renews its stamp when it ends access.</summary>
    private async Task<Result<StaffAccount>> ChangeAsync(
        int accountId, StaffUser by, Func<StaffAccount, UserError?> change, CancellationToken cancellationToken, bool endsAccess = false)
    {
        if (!by.IsCoordinator)
        {
            return new NotAllowedError("Only the region's coordinator changes colleagues' accounts.");
        }

        return await StoreWork.RunAsync<StaffAccount>(services, async work =>
        {
            var account = await work.Db.StaffAccounts.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
            if (account is null || !by.WorksIn(account.RegionId))
            {
                return new NotFoundError("There is no such colleague in your region.");
            }

            if (change(account) is { } refused)
            {
                return refused;
            }

            account.SecurityStamp = NewStamp();
            account.ConcurrencyStamp = Guid.NewGuid().ToString();
            if (endsAccess)
            {
                work.Db.Raise(new StaffAccessEnded(account.Id, account.RegionId));
            }

            return account;
        }, cancellationToken);
    }

    private async Task<Result<StaffInvitation>> SendInvitationAsync(StaffAccount account, CancellationToken cancellationToken)
    {
        var link = links.Url(account);
        var message = new MimeMessage { Subject = "Uitnodiging: uw account voor de balie van de Digibank" };
        message.From.Add(mailboxes.From);
        message.To.Add(new MailboxAddress(account.Name, account.Email!));
        message.MessageId = $"invitation-{account.Id}-{StampHash(account.SecurityStamp)}@{mailboxes.MessageIdDomain}";
        message.Body = new TextPart("plain")
        {
            Text = $"""
                Dag {account.Name},

                {account.InvitedBy} nodigt u uit om mee te werken aan de Digibank.
                Open deze link en kies een wachtwoord van minstens {MinPasswordLength} tekens:

                {link}

                De link werkt 7 dagen en maar één keer.
                Kreeg u deze e-mail niet verwacht? Dan hoeft u niets te doen.
                """,
        };
        try
        {
            await mailboxes.SendOneAsync(message, cancellationToken);
            return new StaffInvitation(account, link, Sent: true);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The account stands; the coordinator sees that the mail did not go and can send it again.
            logger.LogWarning("The invitation of account {Account} could not be sent: {ErrorType}", account.Id, exception.GetType().Name);
            return new StaffInvitation(account, link, Sent: false);
        }
    }
}
