using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;

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

/// <summary>A held lease; <see cref="Lost"/> is cancelled when it slips away (its connection broke).</summary>
public abstract class LeaseHold : IAsyncDisposable
{
    public abstract CancellationToken Lost { get; }

    public abstract ValueTask DisposeAsync();
}

public sealed class LeaseOptions
{
    public const string Section = "Leases";

    /// <summary>How often an instance without the lease tries again, and the holder checks its connection.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(10);
}

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

/// <summary>Runs <typeparamref name="TService"/> only while this instance holds its lease, and again when it gets it back.</summary>
public sealed class LeasedService<TService>(TService service, string lease, IInstanceLeases leases, ILogger<LeasedService<TService>> logger) : BackgroundService
    where TService : IHostedService
{
    public TService Service => service;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        leases.HoldWheneverPossibleAsync(
            lease,
            () => service.StartAsync(stoppingToken),
            async stopping =>
            {
                await service.StopAsync(CancellationToken.None);
                if (!stopping)
                {
                    logger.LogWarning("{Service} stopped: this instance lost the lease {Lease}; it tries to get it back", typeof(TService).Name, lease);
                }
            },
            stoppingToken);
}

public static class LeaseSetup
{
    /// <summary>
    /// Takes the lease whenever it is free and holds it until it is lost or the instance stops, then tries again:
    /// <paramref name="held"/> runs each time it is taken, <paramref name="released"/> (told whether the instance is
    /// stopping) each time it goes.
    /// </summary>
    public static async Task HoldWheneverPossibleAsync(
        this IInstanceLeases leases, string lease, Func<Task> held, Func<bool, Task> released, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            LeaseHold hold;
            try
            {
                hold = await leases.AcquireAsync(lease, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            await using (hold)
            {
                await held();
                using var holding = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, hold.Lost);
                await Task.Delay(Timeout.Infinite, holding.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                await released(stoppingToken.IsCancellationRequested);
            }
        }
    }

    public static IServiceCollection AddInstanceLeases(this IServiceCollection services, IConfiguration configuration, StorageProvider provider)
    {
        services.Configure<LeaseOptions>(configuration.GetSection(LeaseOptions.Section));
        return provider == StorageProvider.PostgreSql
            ? services.AddSingleton<IInstanceLeases, PostgreSqlLeases>()
            : services.AddSingleton<IInstanceLeases, SingleInstanceLeases>();
    }

    /// <summary>Runs the hosted service <typeparamref name="TService"/> (a singleton) in one instance at a time.</summary>
    public static IServiceCollection AddLeasedHostedService<TService>(this IServiceCollection services, string lease)
        where TService : class, IHostedService =>
        services.AddHostedService(provider => new LeasedService<TService>(
            provider.GetRequiredService<TService>(), lease, provider.GetRequiredService<IInstanceLeases>(), provider.GetRequiredService<ILogger<LeasedService<TService>>>()));
}
