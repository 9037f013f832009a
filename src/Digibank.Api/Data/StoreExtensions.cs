using Digibank.Api.Data.Leases;
using Digibank.Api.Data.Outbox;
using Digibank.Api.Data.PostgreSql;
using Digibank.Api.Data.RowSecurity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Digibank.Api.Data;

public static class StoreExtensions
{
    /// <summary>
    /// Registers the store: SQLite by default, PostgreSQL with <c>Storage:Provider</c>. The connection string
    /// <c>ConnectionStrings:Digibank</c> names the SQLite file (default <c>data/digibank.db</c>) or the PostgreSQL database.
    /// </summary>
    public static WebApplicationBuilder AddDigibankStore(this WebApplicationBuilder builder)
    {
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        builder.Services.AddSingleton(storage);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<WriteQueue>();
        builder.Services.AddInstanceLeases(builder.Configuration, storage.Provider);
        builder.Services.AddOutbox(builder.Configuration);
        Action<DbContextOptionsBuilder> useProvider;
        if (storage.Provider == StorageProvider.PostgreSql)
        {
            var connectionString = builder.Configuration.GetConnectionString("Digibank")
                ?? throw new InvalidOperationException("PostgreSQL needs --ConnectionStrings:Digibank \"Host=…;Database=…;Username=…;Password=…\".");
            builder.Services.AddDbContext<PostgreSqlDbContext>(options => options.UseNpgsql(connectionString), optionsLifetime: ServiceLifetime.Singleton);
            // Row-level security reads the flow's region scope from the connection's settings (Data/RowSecurity).
            useProvider = options => options.UseNpgsql(connectionString).AddInterceptors(RegionScopeInterceptor.Instance);
        }
        else
        {
            var sqliteConnectionString = ResolveSqliteConnectionString(builder.Configuration, builder.Environment);
            useProvider = options => options.UseSqlite(sqliteConnectionString).AddInterceptors(SqliteSecureDelete.Instance);
        }

        builder.Services.AddPooledDbContextFactory<DigibankDbContext>((services, options) =>
        {
            useProvider(options);
            options.AddInterceptors(services.GetServices<IInterceptor>()).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        });
        return builder;
    }

    /// <summary>
    /// Applies pending migrations, then writes each <see cref="IStoreSeed"/> (the demo region, into an empty database).
    /// On PostgreSQL, instances starting together take turns through an advisory lock, so one migrates and
    /// seeds and the others find the work done.
    /// </summary>
    public static async Task PrepareStoreAsync(this WebApplication app)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<DigibankDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        if (app.Services.GetRequiredService<StorageOptions>().Provider == StorageProvider.PostgreSql)
        {
            await using var turn = await PostgreSqlStartUp.TakeTurnAsync(db, app.Lifetime.ApplicationStopping);
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var migrations = scope.ServiceProvider.GetRequiredService<PostgreSqlDbContext>();
                // Made first, so EF Core does not read a missing history table and log that as a failed command.
                await migrations.GetService<IHistoryRepository>().CreateIfNotExistsAsync(app.Lifetime.ApplicationStopping);
                await migrations.Database.MigrateAsync(app.Lifetime.ApplicationStopping);
            }

            await SeedAsync(app, db);
            return;
        }

        await db.Database.MigrateAsync();
        // WAL lets readers go on while a writer commits; it is a property of the file, set once.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await SeedAsync(app, db);
    }

    private static async Task SeedAsync(WebApplication app, DigibankDbContext db)
    {
        using var scope = RegionScope.Bypass(RegionBypasses.Seed);
        foreach (var seed in app.Services.GetServices<IStoreSeed>())
        {
            await seed.SeedAsync(db);
        }
    }

    private static string ResolveSqliteConnectionString(IConfiguration configuration, IHostEnvironment environment)
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
