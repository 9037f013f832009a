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

/// <summary>
/// Runs an action in this process once an event of <typeparamref name="TEvent"/> is committed, here or (through
/// the relay) in another instance: for what a process keeps in memory and must drop when the data changes.
/// </summary>
public sealed class WhenCommitted<TEvent>(string name, Action act) : IImmediateOutboxConsumer
    where TEvent : IDomainEvent
{
    public string Name => name;

    public bool StartsAtNewest => true;

    public void Deliver(IReadOnlyList<OutboxEvent> events)
    {
        if (events.Any(e => e.Event is TEvent))
        {
            act();
        }
    }

    public Task HandleAsync(IReadOnlyList<OutboxEvent> events, DigibankDbContext db, CancellationToken cancellationToken)
    {
        Deliver(events);
        return Task.CompletedTask;
    }
}

public static class WhenCommittedSetup
{
    /// <summary>Calls <paramref name="act"/> on the singleton <typeparamref name="TService"/> after each committed <typeparamref name="TEvent"/>.</summary>
    public static IServiceCollection AddWhenCommitted<TEvent, TService>(this IServiceCollection services, string name, Action<TService> act)
        where TEvent : IDomainEvent
        where TService : notnull =>
        services.AddSingleton<IOutboxConsumer>(provider =>
        {
            var service = provider.GetRequiredService<TService>();
            return new WhenCommitted<TEvent>(name, () => act(service));
        });
}
