using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Digibank.Api.Data.Outbox;

public static class OutboxSetup
{
    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.Section));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IInterceptor, OutboxInterceptor>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<SetAsideEvents>();
        services.AddHostedService(services => services.GetRequiredService<OutboxDispatcher>());
        return services.AddRedisOutboxRelay(configuration);
    }

    /// <summary>A feature's events, raised from the changes to its entities in every save.</summary>
    public static IServiceCollection AddDomainEventSource<TSource>(this IServiceCollection services)
        where TSource : class, IDomainEventSource =>
        services.AddSingleton<IDomainEventSource, TSource>();

    public static IServiceCollection AddOutboxConsumer<TConsumer>(this IServiceCollection services)
        where TConsumer : class, IOutboxConsumer =>
        services.AddSingleton<IOutboxConsumer, TConsumer>();
}
