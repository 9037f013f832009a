using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Digibank.Api.Data.Leases;

/// <summary>Leases as PostgreSQL session-level advisory locks, each on a connection of its own.</summary>
public sealed class PostgreSqlLeases(
    IDbContextFactory<DigibankDbContext> dbContextFactory,
    Microsoft.Extensions.Options.IOptions<LeaseOptions> options,
    ILogger<PostgreSqlLeases> logger) : IInstanceLeases
{
    public bool AlwaysHeld => false;

    public async Task<LeaseHold> AcquireAsync(string name, CancellationToken cancellationToken)
    {
        var key = KeyOf(name);
        var interval = options.Value.CheckInterval;
        string connectionString;
        await using (var db = await dbContextFactory.CreateDbContextAsync(cancellationToken))
        {
            // Client keepalives let the holder notice a server that vanished.
            connectionString = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { KeepAlive = 10, Pooling = false }.ConnectionString;
        }

        while (true)
        {
            var connection = new NpgsqlConnection(connectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                // The server probes this session too: a holder whose machine vanished without closing its socket
                // is found dead within about 25 s, and its lock released for another instance.
                await using (var keepalives = new NpgsqlCommand(
                    "SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3", connection))
                {
                    await keepalives.ExecuteNonQueryAsync(cancellationToken);
                }

                await using var tryLock = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection) { Parameters = { new("key", key) } };
                if (await tryLock.ExecuteScalarAsync(cancellationToken) is true)
                {
                    logger.LogInformation("This instance holds the lease {Lease}", name);
                    return new Held(connection, name, interval, logger);
                }

                logger.LogDebug("The lease {Lease} is held by another instance; trying again in {Interval}", name, interval);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                logger.LogWarning("Could not try the lease {Lease}: {Error}", name, exception.Message);
            }

            await connection.DisposeAsync();
            await Task.Delay(interval, cancellationToken);
        }
    }

    /// <summary>A stable 64-bit key per lease name, the same in every instance.</summary>
    public static long KeyOf(string name) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"digibank lease {name}")), 0);

    private sealed class Held : LeaseHold
    {
        private readonly NpgsqlConnection _connection;
        private readonly CancellationTokenSource _lost = new();
        private readonly CancellationTokenSource _disposed = new();
        private readonly Task _watch;

        public Held(NpgsqlConnection connection, string name, TimeSpan interval, ILogger logger)
        {
            _connection = connection;
            _watch = WatchAsync(name, interval, logger);
        }

        public override CancellationToken Lost => _lost.Token;

        public override async ValueTask DisposeAsync()
        {
            await _disposed.CancelAsync();
            await _watch;
            // Closing the connection releases the lock.
            await _connection.DisposeAsync();
            _lost.Dispose();
            _disposed.Dispose();
        }

        private async Task WatchAsync(string name, TimeSpan interval, ILogger logger)
        {
            try
            {
                while (true)
                {
                    await Task.Delay(interval, _disposed.Token);
                    await using var ping = new NpgsqlCommand("SELECT 1", _connection);
                    await ping.ExecuteScalarAsync(_disposed.Token);
                }
            }
            catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
            {
            }
            catch (Exception exception)
            {
                logger.LogWarning("Lost the lease {Lease}: {Error}", name, exception.Message);
                await _lost.CancelAsync();
            }
        }
    }
}
