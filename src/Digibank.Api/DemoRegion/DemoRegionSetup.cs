using Digibank.Api.Data;
using Microsoft.Extensions.Options;

namespace Digibank.Api.DemoRegion;

public static class DemoRegionSetup
{
    public static IServiceCollection AddDemoRegion(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DemoRegionOptions>(configuration.GetSection(DemoRegionOptions.Section));
        services.AddSingleton<IStoreSeed, DemoRegionSeed>();
        return services;
    }
}

internal sealed class DemoRegionSeed(IOptions<DemoRegionOptions> options, TimeProvider clock, ILogger<DemoRegionSeed> logger) : IStoreSeed
{
    public async Task SeedAsync(DigibankDbContext db)
    {
        if (options.Value.Seed && await DemoRegionSeeder.SeedIfEmptyAsync(db, clock.GetUtcNow().UtcDateTime))
        {
            logger.LogInformation("Seeded the demo region into an empty database");
        }
    }
}
