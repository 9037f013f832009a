using Digibank.Api.Data.DemoRegion;
using Digibank.Api.Data.Outbox;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Digibank.Api.Data;

public static class StoreExtensions
{
    /// <summary>Registers the SQLite store. The connection string <c>ConnectionStrings:Digibank</c> overrides the default file.</summary>
    public static WebApplicationBuilder AddDigibankStore(this WebApplicationBuilder builder)
    {
        var connectionString = ResolveConnectionString(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<WriteQueue>();
        builder.Services.AddOutbox(builder.Configuration);
        builder.Services.Configure<DemoRegionOptions>(builder.Configuration.GetSection(DemoRegionOptions.Section));
        builder.Services.AddPooledDbContextFactory<DigibankDbContext>((services, options) => options
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(DigibankDbContext).Assembly.GetName().Name))
            .AddInterceptors(services.GetServices<IInterceptor>())
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));
        return builder;
    }

    /// <summary>Applies pending migrations and, when the database is empty and the demo is on, seeds the demo region.</summary>
    public static async Task PrepareStoreAsync(this WebApplication app)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<DigibankDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        // WAL lets readers go on while a writer commits; it is a property of the file, set once.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");

        var demo = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DemoRegionOptions>>().Value;
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        if (demo.Seed && await DemoRegionSeeder.SeedIfEmptyAsync(db, now))
        {
            app.Logger.LogInformation("Seeded the demo region into an empty database");
        }
    }

    private static string ResolveConnectionString(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString("Digibank");
        var builder = new SqliteConnectionStringBuilder(configured ?? "Data Source=data/digibank.db");
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && !Path.IsPathRooted(file))
        {
            builder.DataSource = Path.Combine(environment.ContentRootPath, file);
        }

        if (Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        builder.DefaultTimeout = 30;
        return builder.ToString();
    }
}
