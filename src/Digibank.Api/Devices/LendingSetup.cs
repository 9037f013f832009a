using Digibank.Api.Data.Outbox;
using Digibank.Api.Participants;

namespace Digibank.Api.Devices;

public static class LendingSetup
{
    /// <summary>Lending's events, and the counter's lending with the people it lends to.</summary>
    public static IServiceCollection AddLending(this IServiceCollection services) =>
        services.AddDomainEventSource<LendingEvents>().AddScoped<CounterDevicesToday>().AddSingleton<CounterLending>().AddParticipants();
}
