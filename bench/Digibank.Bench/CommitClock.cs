using System.Diagnostics;

namespace Digibank.Bench;

/// <summary>When EF Core committed transactions in this process: the API runs in it, so its commits are seen here.</summary>
internal sealed class CommitClock : IDisposable, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private const string Committed = "Microsoft.EntityFrameworkCore.Database.Transaction.TransactionCommitted";
    private readonly List<IDisposable> _subscriptions = [];
    private readonly List<long> _commits = [];

    public CommitClock() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    /// <summary>The first commit after <paramref name="start"/>: the sign-up's own, before the dispatcher's bookkeeping.</summary>
    public long FirstCommitAfter(long start)
    {
        lock (_commits)
        {
            return _commits.Where(commit => commit >= start).DefaultIfEmpty(start).Min();
        }
    }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == "Microsoft.EntityFrameworkCore")
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(listener.Subscribe(this, name => name == Committed));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_commits)
        {
            _commits.Add(now);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            _subscriptions.ForEach(subscription => subscription.Dispose());
        }
    }
}
