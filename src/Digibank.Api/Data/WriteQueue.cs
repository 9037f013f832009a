using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Data;

/// <summary>
/// Writers of this process take turns, first come, first served. SQLite lets one writer in at a time, and
/// Microsoft.Data.Sqlite retries a busy database every 150 ms on a blocked thread: a resident's sign-up
/// waiting that way can miss every short gap between a long writer's transactions, and fifty of them tie
/// up fifty threads. Waiting here is asynchronous and in order, so a write queued behind one batch of a
/// partner upload goes in right after that batch.
/// </summary>
public sealed class WriteQueue : IDisposable
{
    // SemaphoreSlim hands a released turn to the longest-waiting WaitAsync caller.
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>Waits for this writer's turn; disposing the result ends it. Take it before the transaction begins.</summary>
    public async Task<IDisposable> WaitAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        return new Turn(_turn);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in this writer's turn, in a transaction of its own, then saves and commits: one
    /// batch of a long write such as a partner's upload. A context per batch, so its change tracker holds that batch only.
    /// </summary>
    public async Task<T> InTransactionAsync<T>(
        IDbContextFactory<DigibankDbContext> dbContextFactory, Func<DigibankDbContext, Task<T>> work, CancellationToken cancellationToken)
    {
        using var turn = await WaitAsync(cancellationToken);
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work(db);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public void Dispose() => _turn.Dispose();

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                turn.Release();
            }
        }
    }
}
