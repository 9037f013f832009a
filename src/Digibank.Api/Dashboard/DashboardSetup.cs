using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Digibank.Api.Dashboard;

public static class DashboardSetup
{
    public static IServiceCollection AddDashboardEvents(this IServiceCollection services)
    {
        services.AddSingleton<DashboardEvents>();
        services.AddSingleton<IInterceptor, CommittedEventsInterceptor>();
        return services;
    }
}
