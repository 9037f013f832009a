namespace Digibank.Api.Data.DemoRegion;

public static class DemoRegionSeeder
{
    public static Task SeedAsync(DigibankDbContext db, DateTime now) => Task.CompletedTask;
}
