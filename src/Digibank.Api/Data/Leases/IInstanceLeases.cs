namespace Digibank.Api.Data.Leases;

/// <summary>
/// Work that must run in one API instance at a time (the plug-in host, the retention sweep, the outbox's
/// pruning and its durable consumers) runs while its instance holds the work's lease. With one SQLite file
/// there is one instance and it always holds every lease; on PostgreSQL a lease is an advisory lock of a
/// connection of its own, so when the holder dies its connection drops, the server releases the lock, and
/// another instance takes it at its next try.
/// </summary>
public interface IInstanceLeases
{
    /// <summary>True when every lease is this instance's by nature (one process on one SQLite file).</summary>
    bool AlwaysHeld { get; }

    /// <summary>Waits until this instance holds <paramref name="name"/>. Disposing the hold gives the lease up.</summary>
    Task<LeaseHold> AcquireAsync(string name, CancellationToken cancellationToken);
}
