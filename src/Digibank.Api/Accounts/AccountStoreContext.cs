using Digibank.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Accounts;

/// <summary>The context Identity's store works on for one request (failed sign-ins, an authenticator's key), returned to the pool after it.</summary>
internal sealed class AccountStoreContext(IDbContextFactory<DigibankDbContext> dbContextFactory) : IAsyncDisposable, IDisposable
{
    private DigibankDbContext? _db;

    public DigibankDbContext Db => _db ??= Open();

    public ValueTask DisposeAsync() => _db?.DisposeAsync() ?? ValueTask.CompletedTask;

    public void Dispose() => _db?.Dispose();

    private DigibankDbContext Open()
    {
        var db = dbContextFactory.CreateDbContext();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        return db;
    }
}
