using Digibank.Api.Data;
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

    /// <summary><c>--issue-partner-key ligo [--label "LIGO server"]</c> prints a new key for the partner and exits.</summary>
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
            var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            Console.WriteLine(await IssueAsync(db, partnerCode, app.Configuration["label"] ?? "issued from the command line", now, CancellationToken.None));
        }
        catch (InvalidOperationException unknown)
        {
            Console.Error.WriteLine(unknown.Message);
            Environment.ExitCode = 2;
        }

        return true;
    }
}
