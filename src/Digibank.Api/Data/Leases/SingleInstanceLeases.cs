namespace Digibank.Api.Data.Leases;

/// <summary>One process on one SQLite file: there is no one to share with.</summary>
public sealed class SingleInstanceLeases : IInstanceLeases
{
    public bool AlwaysHeld => true;

    public Task<LeaseHold> AcquireAsync(string name, CancellationToken cancellationToken) => Task.FromResult<LeaseHold>(new Held());

    private sealed class Held : LeaseHold
    {
        public override CancellationToken Lost => CancellationToken.None;

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
