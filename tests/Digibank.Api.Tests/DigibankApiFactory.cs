using Digibank.Api.Data;
using Digibank.Api.Data.Leases;
using Digibank.Api.Data.Outbox;
using Digibank.Api.HelpPoints;
using Digibank.Api.Notifications;
using Digibank.Api.Privacy;
using Digibank.Api.Regions;
using Digibank.Api.Staff;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Digibank.Api.Tests;

/// <summary>
/// The API on its own temporary SQLite file, with the demo region seeded at a fixed moment so
/// snapshots do not move with the calendar, and a counter of the SQL statements it runs.
/// </summary>
public class DigibankApiFactory : WebApplicationFactory<Program>
{
    /// <summary>Monday 30 November 2026, 10:00 in Poperinge.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"digibank-test-{Guid.NewGuid():N}.db");

    /// <summary>Where this API writes the e-mails it would send, when no SMTP server is set.</summary>
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), $"digibank-test-mail-{Guid.NewGuid():N}");

    public SqlStatementCounter SqlStatements { get; } = new();

    public FixedTimeProvider Clock { get; } = new(Now);

    protected virtual bool SeedDemoRegion => true;

    protected virtual string? PluginsDirectory => null;

    /// <summary>Set before the server starts: traces, metrics and JSON log lines of this API, kept for the test to read.</summary>
    public TelemetryCapture? Telemetry { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        ConfigureStore(builder);
        builder.UseSetting("DemoRegion:Seed", SeedDemoRegion.ToString());
        builder.UseSetting("Auth:SigningKey", "digibank-tests-signing-key-of-at-least-32-bytes");
        builder.UseSetting("Notifications:MailFolder", MailFolder);
        // Tests send many anonymous sign-ups from one address; the rate-limit tests turn the limits on.
        builder.UseSetting("RateLimiting:Enabled", "false");
        // The plug-in host runs only in the tests that are about it, against a copy of the plug-ins.
        builder.UseSetting("Plugins:Enabled", PluginsDirectory is null ? "false" : "true");
        if (PluginsDirectory is not null)
        {
            builder.UseSetting("Plugins:Directory", PluginsDirectory);
        }

        Telemetry?.Apply(builder);

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IInterceptor>(SqlStatements);
            // Tests sweep and remind when they mean to: what the API starts in the background at start-up shares the
            // database, and could anonymise the expired people a test adds before that test's own sweep does, or
            // remind the demo borrowers while a test counts SQL statements.
            foreach (var background in new[] { typeof(LeasedService<RetentionService>), typeof(LeasedService<Reminders>) })
            {
                services.Remove(services.Single(service => service.ServiceType == typeof(IHostedService) && service.ImplementationFactory?.Method.ReturnType == background));
            }
        });
    }

    /// <summary>The store of this API: its own SQLite file here; a PostgreSQL database in <see cref="Storage.PostgreSqlApiFactory"/>.</summary>
    protected virtual void ConfigureStore(IWebHostBuilder builder) =>
        builder.UseSetting("ConnectionStrings:Digibank", $"Data Source={_databaseFile}");

    public DigibankDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<DigibankDbContext>>().CreateDbContext();

    public GraphQLTestClient CreateGraphQLClient() => new(CreateClient());

    /// <summary>How long <see cref="UntilQuietAsync"/> lets the API finish what it started before the test fails.</summary>
    public static readonly TimeSpan QuietPatience = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Waits until this API has done all that follows from what happened before the call: every outbox consumer has
    /// handled every event committed so far, and the message sender has nothing due left. A test that then asserts that
    /// nothing more happened (one e-mail, no text) sees every message the API was going to send, without sleeping.
    /// </summary>
    public async Task UntilQuietAsync()
    {
        // The waiting is not a request's: its SQL stays out of the statement counter.
        BackgroundWork.Mark();
        var dispatcher = Services.GetRequiredService<OutboxDispatcher>();
        var sender = Services.GetRequiredService<NotificationSender>();
        // A consumer may raise events of its own (a call task for the call list): again until no new event came.
        long head, headAfter = await OutboxHeadAsync();
        do
        {
            head = headAfter;
            foreach (var consumer in Services.GetServices<IOutboxConsumer>())
            {
                Assert.True(
                    await dispatcher.WaitUntilHandledAsync(consumer.Name, QuietPatience, CancellationToken.None),
                    $"The outbox consumer {consumer.Name} did not handle every committed event within {QuietPatience.TotalSeconds} s.");
            }

            // The sender runs one round at a time, so a round of ours that finds nothing due began after its own had ended.
            while (await sender.SendDueAsync(CancellationToken.None) > 0)
            {
            }

            headAfter = await OutboxHeadAsync();
        }
        while (headAfter != head);
    }

    private async Task<long> OutboxHeadAsync()
    {
        await using var db = CreateDbContext();
        return await db.OutboxMessages.MaxAsync(m => (long?)m.Id) ?? 0;
    }

    /// <summary>A client with a staff bearer token for the given role and help points (by name).</summary>
    public GraphQLTestClient CreateStaffClient(StaffRole role, params string[] helpPointNames)
    {
        using var db = CreateDbContext();
        var helpPointIds = db.HelpPoints.Where(h => helpPointNames.Contains(h.Name)).Select(h => h.Id).ToList();
        Assert.Equal(helpPointNames.Length, helpPointIds.Count);
        var token = Services.GetRequiredService<StaffTokens>().Mint($"test:{role}:{string.Join('+', helpPointIds)}", $"Test {role}", role, Region.FirstRegionId, helpPointIds);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return new GraphQLTestClient(client);
    }

    /// <summary>A client with the admin's token: the regions and the deployment's machinery, no region's people.</summary>
    public GraphQLTestClient CreateAdminClient()
    {
        var token = Services.GetRequiredService<StaffTokens>().Mint("test:admin", "Test admin", StaffRole.Admin, null, []);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return new GraphQLTestClient(client);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databaseFile, _databaseFile + "-wal", _databaseFile + "-shm" })
        {
            File.Delete(file);
        }

        if (Directory.Exists(MailFolder))
        {
            Directory.Delete(MailFolder, recursive: true);
        }
    }
}

/// <summary>The API with an empty catalogue: no demo region.</summary>
public sealed class EmptyDigibankApiFactory : DigibankApiFactory
{
    protected override bool SeedDemoRegion => false;
}

public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Current { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Current;
}
