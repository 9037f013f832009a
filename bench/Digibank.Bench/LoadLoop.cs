using System.Diagnostics;

namespace Digibank.Bench;

/// <summary>
/// Sends one kind of request from several workers for a fixed time and counts the answers.
/// Bounded in time and in count, and it only ever talks to the loopback server it was given.
/// </summary>
public static class LoadLoop
{
    public const int MaxRequestsPerRound = 2_000_000;

    public static async Task<double> RequestsPerSecondAsync(Func<CancellationToken, Task> request, int concurrency, TimeSpan duration)
    {
        var completed = 0;
        using var stop = new CancellationTokenSource(duration);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (!stop.IsCancellationRequested && Volatile.Read(ref completed) < MaxRequestsPerRound)
            {
                try
                {
                    await request(stop.Token);
                    Interlocked.Increment(ref completed);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }
            }
        });
        await Task.WhenAll(workers);
        return completed / clock.Elapsed.TotalSeconds;
    }
}
