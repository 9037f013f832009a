using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Digibank.Api.Data;

/// <summary>
/// One change to the store, whoever asks for it (a GraphQL mutation, a counter page, a command): a turn in the
/// <see cref="WriteQueue"/>, a context that tracks what it reads, and one transaction, committed by
/// <see cref="CommitAsync"/> and rolled back when the work is disposed without it, so a refused change leaves nothing
/// behind. On SQLite the transaction starts IMMEDIATE, which makes concurrent writers queue up instead of both reading
/// the same free seat; on PostgreSQL it is READ COMMITTED and the feature services lock the rows they decide on
/// (<see cref="RowLocks"/>).
/// </summary>
public sealed class StoreWork : IAsyncDisposable
{
    private readonly IDisposable _turn;
    private readonly IDbContextTransaction _transaction;
    private List<Action>? _afterCommit;

    private StoreWork(IDisposable turn, DigibankDbContext db, IDbContextTransaction transaction) =>
        (_turn, Db, _transaction) = (turn, db, transaction);

    public DigibankDbContext Db { get; }

    public static async Task<StoreWork> BeginAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var turn = await services.GetRequiredService<WriteQueue>().WaitAsync(cancellationToken);
        DigibankDbContext? db = null;
        try
        {
            db = await services.GetRequiredService<IDbContextFactory<DigibankDbContext>>().CreateDbContextAsync(cancellationToken);
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
            return new StoreWork(turn, db, await db.Database.BeginTransactionAsync(cancellationToken));
        }
        catch
        {
            await (db?.DisposeAsync() ?? ValueTask.CompletedTask);
            turn.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs one feature service's change in its own work: committed when it returns a value, rolled back when it returns
    /// an error. What the pages call, so a page's change follows the same rules, in the same service, as its mutation.
    /// </summary>
    public static async Task<Result<T>> RunAsync<T>(IServiceProvider services, Func<StoreWork, Task<Result<T>>> change, CancellationToken cancellationToken)
        where T : class
    {
        await using var work = await BeginAsync(services, cancellationToken);
        var result = await change(work);
        if (result.Error is null)
        {
            await work.CommitAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>Runs <paramref name="action"/> once the work has committed, and not at all if it does not.</summary>
    public void AfterCommit(Action action) => (_afterCommit ??= []).Add(action);

    /// <summary>Saves what the work changed and commits it; then runs what waited for the commit.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await Db.SaveChangesAsync(cancellationToken);
        await _transaction.CommitAsync(cancellationToken);
        foreach (var action in _afterCommit ?? [])
        {
            action();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await Db.DisposeAsync();
        _turn.Dispose();
    }
}
