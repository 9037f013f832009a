namespace Digibank.Api.Data.Outbox;

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
