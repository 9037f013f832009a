using Digibank.Api.Testing;

namespace Digibank.Api.Tests.Storage;

/// <summary>
/// Two API instances on one PostgreSQL database with Redis between them. Their outbox poll is set to ten minutes,
/// so an event reaches the other instance in time only through Redis.
/// </summary>
public sealed class InstancesWithRedis : IDisposable
{
    private InstancesWithRedis()
    {
        Redis = new RedisServer();
        First = new PostgreSqlApiFactory { Settings = { ["Redis:Configuration"] = Redis.Configuration, ["Outbox:PollInterval"] = "00:10:00" } };
        _ = First.Server;
        Second = First.SecondInstance();
    }

    public RedisServer Redis { get; }

    public PostgreSqlApiFactory First { get; }

    public PostgreSqlApiFactory Second { get; }

    /// <summary>Both instances, started; null where the machine has no PostgreSQL or Redis for the tests.</summary>
    public static InstancesWithRedis? StartIfAvailable() =>
        PostgreSqlServer.AdminConnectionString is null || RedisServer.Executable is null ? null : new InstancesWithRedis();

    public void Dispose()
    {
        Second.Dispose();
        First.Dispose();
        Redis.Dispose();
    }
}
