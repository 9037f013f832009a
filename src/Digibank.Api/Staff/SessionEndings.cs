using System.Collections.Concurrent;
using System.Security.Claims;

namespace Digibank.Api.Staff;

/// <summary>
/// What is open in this process for a signed-in person (a WebSocket), and the signal that ends it when their access
/// ends: the accounts feature calls <see cref="End"/> for an account deactivated or changed, in every instance, as
/// the event reaches it.
/// </summary>
public sealed class SessionEndings
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Action>> _open = new(StringComparer.Ordinal);

    /// <summary>Calls <paramref name="ended"/> when <paramref name="subject"/>'s access ends, until the result is disposed.</summary>
    public IDisposable Watch(string subject, Action ended)
    {
        var key = Guid.NewGuid();
        _open.GetOrAdd(subject, _ => new()).TryAdd(key, ended);
        return new Watching(() =>
        {
            if (_open.TryGetValue(subject, out var watchers))
            {
                watchers.TryRemove(key, out _);
            }
        });
    }

    /// <summary>
    /// Watches a signed-in account (a token made for a staff account) for the end of its access, which ends what it has
    /// open now and not at its token's expiry; null, and nothing to watch, for anyone else.
    /// </summary>
    public IDisposable? WatchAccount(ClaimsPrincipal user, Action ended) =>
        user.FindFirst(StaffUser.AccountClaim) is not null && StaffUser.From(user) is { } staff ? Watch(staff.Subject, ended) : null;

    public void End(string subject)
    {
        if (_open.TryRemove(subject, out var watchers))
        {
            foreach (var ended in watchers.Values)
            {
                ended();
            }
        }
    }

    private sealed class Watching(Action stop) : IDisposable
    {
        private int _stopped;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _stopped, 1) == 0)
            {
                stop();
            }
        }
    }
}
