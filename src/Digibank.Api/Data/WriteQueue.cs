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
