using Digibank.Api.Data.Outbox;

namespace Digibank.Api.Devices;

public static class LendingSetup
{
    public static IServiceCollection AddLending(this IServiceCollection services) =>
        services.AddDomainEventSource<LendingEvents>().AddScoped<CounterDevicesToday>();
}
