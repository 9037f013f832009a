using Digibank.Api.Partners;
using System.Collections.Concurrent;
using Digibank.Api.Data;
using Digibank.Plugins.Host;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Sync;

/// <summary>Issues the in-process host a key per partner once, kept only in memory; earlier such keys are revoked.</summary>
public sealed class InProcessPartnerKeys(IDbContextFactory<DigibankDbContext> dbContextFactory, TimeProvider clock) : IPartnerKeySource
{
    public const string Label = "in-process plug-in host";

    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _keys = new(StringComparer.Ordinal);

    public Task<string> GetKeyAsync(string partnerCode, CancellationToken cancellationToken) =>
        _keys.GetOrAdd(partnerCode, code => new Lazy<Task<string>>(async () =>
        {
            await using var db = await dbContextFactory.CreateDbContextAsync(CancellationToken.None);
            return await PartnerKeys.IssueAsync(db, code, Label, clock.GetUtcNow().UtcDateTime, CancellationToken.None);
        })).Value;
}
