using Digibank.Api.Data.PostgreSql;
using Digibank.Api.Devices;
using Digibank.Api.Municipalities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Api.Tests.Storage;

/// <summary>Instances started together on an empty PostgreSQL database take turns: migrated once, seeded once.</summary>
public sealed class PostgreSqlStartUpTests
{
    [PostgreSqlFact]
    public async Task Three_instances_starting_at_once_on_an_empty_database_migrate_and_seed_it_once_and_all_answer()
    {
        using var first = new PostgreSqlApiFactory();
        using var second = first.SecondInstance();
        using var third = first.SecondInstance();

        await Task.WhenAll(new[] { first, second, third }.Select(instance => Task.Run(() => instance.Server)));

        foreach (var instance in new DigibankApiFactory[] { first, second, third })
        {
            var ready = await instance.CreateClient().GetAsync("/health/ready");
            Assert.True(ready.IsSuccessStatusCode, await ready.Content.ReadAsStringAsync());
        }

        await using var db = first.CreateDbContext();
        Assert.Equal(4, await db.Municipalities.CountAsync());
        Assert.Equal(60, await db.Devices.CountAsync());
        await using var scope = first.Services.CreateAsyncScope();
        var migrations = scope.ServiceProvider.GetRequiredService<PostgreSqlDbContext>().Database.GetMigrations();
        Assert.Equal(migrations, await db.Database.GetAppliedMigrationsAsync());
    }
}
