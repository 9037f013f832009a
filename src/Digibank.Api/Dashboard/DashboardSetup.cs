using Digibank.Api.Data.Outbox;

namespace Digibank.Api.Dashboard;

public static class DashboardSetup
{
    public static IServiceCollection AddDashboardEvents(this IServiceCollection services)
    {
        services.AddSingleton<DashboardEvents>();
        services.AddOutboxConsumer<DashboardEventsConsumer>();
        return services;
    }
}
