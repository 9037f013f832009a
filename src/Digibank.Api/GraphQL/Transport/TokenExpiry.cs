using Digibank.Api.Staff;

namespace Digibank.Api.GraphQL.Transport;

/// <summary>
/// A socket outlives its token, so the token's expiry ends it: a timer on the application's clock calls
/// <paramref name="expired"/>, and <see cref="HasExpired"/> is checked before each message goes out in case the timer
/// runs late. A token made for a staff account ends sooner when the account's access ends (<see cref="SessionEndings"/>).
/// </summary>
internal sealed class TokenExpiry(StaffTokens tokens, SessionEndings endings, TimeProvider clock, Action expired) : IDisposable
{
    private static readonly TimeSpan MaxTimerWait = TimeSpan.FromDays(1);

    private long _expiresAtTicks = DateTime.MaxValue.Ticks;
    private ITimer? _timer;
    private IDisposable? _accessWatch;

    public bool HasExpired => tokens.HasExpired(new DateTime(Interlocked.Read(ref _expiresAtTicks), DateTimeKind.Utc));

    /// <summary>Watches the token of <paramref name="user"/>, which expires at <paramref name="expiresUtc"/>; false when it already has.</summary>
    public bool Watch(DateTime expiresUtc, System.Security.Claims.ClaimsPrincipal user)
    {
        _timer?.Dispose();
        _accessWatch?.Dispose();
        _accessWatch = endings.WatchAccount(user, expired);
        Interlocked.Exchange(ref _expiresAtTicks, expiresUtc.Ticks);
        if (HasExpired)
        {
            // Valid when it was read, it may have expired since.
            expired();
            return false;
        }

        _timer = clock.CreateTimer(_ => CheckOrWait(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        CheckOrWait();
        return true;
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _accessWatch?.Dispose();
    }

    private void CheckOrWait()
    {
        if (HasExpired)
        {
            expired();
            return;
        }

        // A timer counts elapsed time and the token the wall clock, and a timer cannot wait past about 49 days:
        // it may fire before the expiry, and then waits for the rest.
        var remaining = new DateTimeOffset(Interlocked.Read(ref _expiresAtTicks), TimeSpan.Zero) - clock.GetUtcNow();
        try
        {
            _timer?.Change(TimeSpan.FromTicks(Math.Clamp(remaining.Ticks, 0, MaxTimerWait.Ticks)), Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // The connection closed meanwhile.
        }
    }
}
