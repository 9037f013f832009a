using Digibank.Api.Data;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Partners;

public static class PartnerKeys
{
    public const string IssueOption = "issue-partner-key";

    /// <summary>Issues a new key for a partner; only its hash is kept. Earlier keys with the same label are revoked.</summary>
    public static async Task<string> IssueAsync(DigibankDbContext db, string partnerCode, string label, DateTime now, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.AsTracking().SingleOrDefaultAsync(p => p.Code == partnerCode, cancellationToken)
            ?? throw new InvalidOperationException($"There is no partner with code '{partnerCode}'.");
        await db.PartnerKeys.Where(k => k.PartnerId == partner.Id && k.Label == label && k.RevokedAt == null)
            .ExecuteUpdateAsync(keys => keys.SetProperty(k => k.RevokedAt, now), cancellationToken);
        var key = PartnerKey.NewKey();
        db.PartnerKeys.Add(new PartnerKey { PartnerId = partner.Id, KeyHash = PartnerKey.Hash(key), Label = label, CreatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    /// <summary>
    /// <c>--issue-partner-key ligo [--label "LIGO server"] [--regions poperinge,ieper] [--name "…" --kind Library]</c>
    /// registers the partner or sets its regions (<see cref="PartnerRegistration"/>), prints a new key for it and exits.
    /// </summary>
    public static async Task<bool> TryIssueFromCommandLineAsync(WebApplication app)
    {
        if (app.Configuration[IssueOption] is not { Length: > 0 } partnerCode)
        {
            return false;
        }

        var factory = app.Services.GetRequiredService<IDbContextFactory<DigibankDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        try
        {
            var registration = RegistrationFrom(app.Configuration, partnerCode);
            var regions = await app.Services.GetRequiredService<IRegionCodes>().AllAsync(CancellationToken.None);
            await using var transaction = await db.Database.BeginTransactionAsync();
            await registration.ApplyAsync(db, regions, CancellationToken.None);
            await db.SaveChangesAsync();
            var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var key = await IssueAsync(db, partnerCode, app.Configuration["label"] ?? "issued from the command line", now, CancellationToken.None);
            await transaction.CommitAsync();
            Console.WriteLine(key);
        }
        catch (InvalidOperationException unknown)
        {
            Console.Error.WriteLine(unknown.Message);
            Environment.ExitCode = 2;
        }

        return true;
    }

    private static PartnerRegistration RegistrationFrom(IConfiguration configuration, string partnerCode)
    {
        PartnerKind? kind = null;
        if (configuration["kind"] is { Length: > 0 } kindName)
        {
            kind = Enum.TryParse<PartnerKind>(kindName, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new InvalidOperationException($"Unknown kind '{kindName}'; one of {string.Join(", ", Enum.GetNames<PartnerKind>())}.");
        }

        var regions = configuration["regions"]?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new PartnerRegistration(partnerCode, regions, configuration["name"], kind);
    }
}
