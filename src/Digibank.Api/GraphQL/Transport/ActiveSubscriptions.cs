namespace Digibank.Api.GraphQL.Transport;

/// <summary>
/// How many subscriptions the WebSocket endpoint is serving right now, over all sockets. Only a number: whoever
/// reports it (a gauge read when metrics are collected) reads <see cref="Count"/>, so counting costs one
/// interlocked add per subscribe and per end.
/// </summary>
public sealed class ActiveSubscriptions
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Counts one subscription until the returned handle, which ends it, is disposed (once, whoever disposes it).</summary>
    public IDisposable Track(IDisposable subscription)
    {
        Interlocked.Increment(ref _count);
        return new Tracked(this, subscription);
    }

    private sealed class Tracked(ActiveSubscriptions counter, IDisposable subscription) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref counter._count);
                subscription.Dispose();
            }
        }
    }
}
