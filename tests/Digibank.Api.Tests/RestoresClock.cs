namespace Digibank.Api.Tests;

/// <summary>A test class whose tests move the API's clock (to wait for a retry, a due date, a holiday); each test starts at the fixture's moment again.</summary>
public abstract class RestoresClock(FixedTimeProvider clock) : IDisposable
{
    private readonly DateTimeOffset _startedAt = clock.Current;

    public void Dispose()
    {
        clock.Current = _startedAt;
        GC.SuppressFinalize(this);
    }
}
