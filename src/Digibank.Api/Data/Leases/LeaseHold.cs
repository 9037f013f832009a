namespace Digibank.Api.Data.Leases;

/// <summary>A held lease; <see cref="Lost"/> is cancelled when it slips away (its connection broke).</summary>
public abstract class LeaseHold : IAsyncDisposable
{
    public abstract CancellationToken Lost { get; }

    public abstract ValueTask DisposeAsync();
}
