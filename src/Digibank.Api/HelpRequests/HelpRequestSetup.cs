using Digibank.Api.Data.Outbox;

namespace Digibank.Api.HelpRequests;

public static class HelpRequestSetup
{
    public static IServiceCollection AddHelpRequests(this IServiceCollection services) =>
        services.AddDomainEventSource<HelpRequestEvents>().AddSingleton<DigibuddyRoster>().AddScoped<CounterHelp>().AddScoped<CounterHelpToday>().AddSingleton<PersonHelpRequests>();
}
