namespace Digibank.Api.Data.Outbox;

public static class RedisRelaySetup
{
    /// <summary>With <c>Redis:Configuration</c>, committed events travel to the other instances through Redis.</summary>
    public static IServiceCollection AddRedisOutboxRelay(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RedisOptions>(configuration.GetSection(RedisOptions.Section));
        if (string.IsNullOrWhiteSpace(configuration[$"{RedisOptions.Section}:Configuration"]))
        {
            return services;
        }

        services.AddSingleton<RedisOutboxRelay>();
        return services.AddHostedService(provider => provider.GetRequiredService<RedisOutboxRelay>());
    }
}
