namespace Digibank.Api.Data;

/// <summary>
/// Something read from the store and kept in memory, because a hot path needs it on every request and it changes
/// rarely. It is read again once older than its freshness: one caller reads while the others keep answering from
/// the copy they have. After <see cref="Invalidate"/> (a change to it was committed) the next callers wait for a
/// new read, and a read that was under way when the change came is not kept as fresh.
/// </summary>
public sealed class StoreSnapshot<T>(Func<CancellationToken, Task<T>> read, TimeSpan freshness, TimeProvider clock) : IDisposable
    where T : class
{
    private readonly SemaphoreSlim _reading = new(1, 1);
    private (T Value, DateTimeOffset ReadAt)? _current;
    private int _generation;

    public async ValueTask<T> GetAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is { } fresh && clock.GetUtcNow() - fresh.ReadAt < freshness)
        {
            return fresh.Value;
        }

        if (current is { } stale && !await _reading.WaitAsync(0, cancellationToken))
        {
            return stale.Value;
        }

        if (current is null)
        {
            await _reading.WaitAsync(cancellationToken);
        }

        try
        {
            // Another caller may have read it while this one waited.
            if (_current is { } readMeanwhile && readMeanwhile.ReadAt != current?.ReadAt && clock.GetUtcNow() - readMeanwhile.ReadAt < freshness)
            {
                return readMeanwhile.Value;
            }

            var generation = Volatile.Read(ref _generation);
            var readAt = clock.GetUtcNow();
            var value = await read(cancellationToken);
            _current = (value, generation == Volatile.Read(ref _generation) ? readAt : DateTimeOffset.MinValue);
            return value;
        }
        finally
        {
            _reading.Release();
        }
    }

    /// <summary>A change was committed: the next callers read it again.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _current = null;
    }

    public void Dispose() => _reading.Dispose();
}
