using Digibank.Api.Testing;

namespace Digibank.Api.Tests.Storage;

/// <summary>A test that needs PostgreSQL and Redis; skipped, with the reason, without either.</summary>
public sealed class PostgreSqlAndRedisFactAttribute : FactAttribute
{
    public PostgreSqlAndRedisFactAttribute()
    {
        if (PostgreSqlServer.AdminConnectionString is null)
        {
            Skip = PostgreSqlServer.SkipReason;
        }
        else if (RedisServer.Executable is null)
        {
            Skip = "redis-server is not installed; install Debian's package (apt-get install redis-server) to run the tests across instances with Redis.";
        }
    }
}
