using System.Collections.Concurrent;
using Digibank.Api.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Digibank.Api.Sync;

/// <summary>
/// One upload of a partner's offers at a time, from its first batch to its withdrawals, whichever instance or plug-in
/// host sends it; a coordinator's confirmation of the partner's held withdrawal waits for it too. An upload spans many
/// transactions, so a row lock, which lasts for one, does not cover it. In the process a semaphore per partner takes
/// turns; on PostgreSQL, across instances, a session-level advisory lock on the partner's id does, held on a connection
/// of its own so that the server lets go of it when that connection drops with its instance.
/// </summary>
public sealed class PartnerUploadLocks(IDbContextFactory<DigibankDbContext> dbContextFactory) : IDisposable
{
    // The first key of PostgreSQL's two-key advisory locks names this lock; the leases use the one-key form, a space of its own.
    private const int AdvisorySpace = 0x44_42_50_55;

    private readonly ConcurrentDictionary<int, SemaphoreSlim> _inProcess = new();

    /// <summary>Waits until no other upload of the partner runs; disposing the result lets the next one go.</summary>
    public async Task<IAsyncDisposable> WaitAsync(int partnerId, CancellationToken cancellationToken)
    {
        var turn = _inProcess.GetOrAdd(partnerId, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(cancellationToken);
        try
        {
            return new Held(turn, await AcrossInstancesAsync(partnerId, cancellationToken));
        }
        catch
        {
            turn.Release();
            throw;
        }
    }

    /// <summary>
    /// The turn a coordinator's confirmation of a held withdrawal waits for, taken before the change's write turn as an
    /// upload takes it: the upload may hold or clear this very withdrawal, or list the held courses again. Null for
    /// anyone else, whom <see cref="WithdrawalHolds.ConfirmAsync(Data.DigibankDbContext, ConfirmWithdrawal, DateTime, CancellationToken)"/> refuses anyway.
    /// </summary>
    public async Task<IAsyncDisposable?> ForConfirmationAsync(ConfirmWithdrawal command, CancellationToken cancellationToken) =>
        command.Staff.IsCoordinator ? await WaitAsync(command.PartnerId, cancellationToken) : null;

    public void Dispose()
    {
        foreach (var turn in _inProcess.Values)
            turn.Dispose();
    }

    /// <summary>The advisory lock's connection on PostgreSQL, once it holds the lock; null on SQLite, where one process has the file.</summary>
    private async Task<NpgsqlConnection?> AcrossInstancesAsync(int partnerId, CancellationToken cancellationToken)
    {
        string connectionString;
        await using (var db = await dbContextFactory.CreateDbContextAsync(cancellationToken))
        {
            if (!db.Database.IsNpgsql())
            {
                return null;
            }

            // Not pooled: closing it must end the session, and with it the lock, whatever happened to the upload.
            connectionString = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ConnectionString;
        }

        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Waits as long as the other instance's upload runs: the caller's deadline bounds it, not a command timeout.
            await using var wait = new NpgsqlCommand("SELECT pg_advisory_lock(@space, @partner)", connection)
            {
                CommandTimeout = 0,
                Parameters = { new("space", AdvisorySpace), new("partner", partnerId) },
            };
            await wait.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class Held(SemaphoreSlim turn, NpgsqlConnection? acrossInstances) : IAsyncDisposable
    {
        private int _ended;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _ended, 1) != 0)
            {
                return;
            }

            if (acrossInstances is not null)
            {
                await acrossInstances.DisposeAsync();
            }

            turn.Release();
        }
    }
}
