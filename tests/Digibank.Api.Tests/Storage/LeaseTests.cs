using Digibank.Api.Data;
using Digibank.Api.Data.Leases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Digibank.Api.Tests.Storage;

/// <summary>Work that must run once runs in one of two instances, and moves to the other when its holder dies.</summary>
public sealed class LeaseTests : IDisposable
{
    private readonly PostgreSqlApiFactory? _first;
    private readonly PostgreSqlApiFactory? _second;

    public LeaseTests()
    {
        if (PostgreSqlServer.AdminConnectionString is null)
        {
            return;
        }

        _first = new PostgreSqlApiFactory { Settings = { ["Leases:CheckInterval"] = "00:00:00.500" } };
        _ = _first.Server;
        _second = _first.SecondInstance();
    }

    [PostgreSqlFact]
    public async Task A_leased_service_runs_in_one_instance_and_the_other_takes_over_when_its_holder_dies()
    {
        var lease = $"test {Guid.NewGuid():N}";
        var (inFirst, inSecond) = (new ProbeService(), new ProbeService());
        // The second instance's leases, with a log that shows each time it asked for the lease and was told no.
        var secondLog = new LogCollector(LogLevel.Debug);
        using var secondLoggers = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(secondLog));
        var secondLeases = new PostgreSqlLeases(
            _second!.Services.GetRequiredService<IDbContextFactory<DigibankDbContext>>(), _second.Services.GetRequiredService<IOptions<LeaseOptions>>(), secondLoggers.CreateLogger<PostgreSqlLeases>());
        using var first = new LeasedService<ProbeService>(inFirst, lease, _first!.Services.GetRequiredService<IInstanceLeases>(), NullLogger<LeasedService<ProbeService>>.Instance);
        using var second = new LeasedService<ProbeService>(inSecond, lease, secondLeases, NullLogger<LeasedService<ProbeService>>.Instance);

        await first.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => inFirst.Running);
        await second.StartAsync(CancellationToken.None);
        // Four tries of the second (what two seconds held at this check interval), each refused while the first holds the lease.
        await WaitUntilAsync(() => secondLog.Lines.Count(line => line.Contains($"The lease {lease} is held by another instance", StringComparison.Ordinal)) >= 4);
        Assert.True(inFirst.Running);
        Assert.False(inSecond.Running, "both instances ran the work at once");

        // The holder dies: its connection goes, which makes the server release the lock, and its process no longer
        // tries again (a live holder whose connection broke may well win the lease back, which is fine).
        await TerminateHolderOfAsync(lease);
        // The lease changed hands: the first noticed its loss and won it back, or the second took it.
        await WaitUntilAsync(() => inFirst.Starts > 1 || inSecond.Running);
        await first.StopAsync(CancellationToken.None);

        await WaitUntilAsync(() => inSecond.Running);
        Assert.Equal(1, inSecond.Starts);
        await second.StopAsync(CancellationToken.None);
    }

    public void Dispose()
    {
        _second?.Dispose();
        _first?.Dispose();
    }

    private static async Task TerminateHolderOfAsync(string lease)
    {
        var key = PostgreSqlLeases.KeyOf(lease);
        await using var admin = new NpgsqlConnection(PostgreSqlServer.AdminConnectionString);
        await admin.OpenAsync();
        // A bigint advisory key is stored as its high and low 32 bits (classid, objid).
        await using var terminate = new NpgsqlCommand(
            "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = @high AND objid = @low",
            admin)
        {
            Parameters = { new("high", (long)(uint)(key >> 32)), new("low", (long)(uint)key) },
        };
        Assert.Equal(true, await terminate.ExecuteScalarAsync());
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(50);
        }
    }

    private sealed class ProbeService : IHostedService
    {
        private int _running;
        private int _starts;

        public bool Running => Volatile.Read(ref _running) == 1;

        public int Starts => Volatile.Read(ref _starts);

        public Task StartAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _starts);
            Volatile.Write(ref _running, 1);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            Volatile.Write(ref _running, 0);
            return Task.CompletedTask;
        }
    }
}
