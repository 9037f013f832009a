using Microsoft.EntityFrameworkCore.Diagnostics;
using Digibank.Api.Staff;

namespace Digibank.Api.Regions;

public static class RegionSetup
{
    public static IServiceCollection AddRegions(this IServiceCollection services)
    {
        // First among the store's interceptors: the outbox's event sources read the region of what a save adds.
        services.Insert(0, ServiceDescriptor.Singleton<IInterceptor, RegionStamp>());
        return services.AddRegionNodes().AddSingleton<PlaceRegions>().AddSingleton<IPlaceRegions>(services => services.GetRequiredService<PlaceRegions>())
            .AddSingleton<IRegionCodes, RegionCodes>();
    }
}
