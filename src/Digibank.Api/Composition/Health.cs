using System.Text.Json;
using Digibank.Api.Data;
using Digibank.Api.Data.Outbox;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Digibank.Api.Composition;

/// <summary>
/// <c>GET /health/live</c>: the process answers (a load balancer restarts it when not). <c>GET /health/ready</c>:
/// the database answers and, when configured, Redis (a load balancer sends no traffic until then). The gRPC
/// health service reports the same readiness. Answers name each check and its state, never an exception.
/// </summary>
public static class Health
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const string Ready = "ready";

    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        var checks = builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [Ready]);
        if (!string.IsNullOrWhiteSpace(builder.Configuration[$"{RedisOptions.Section}:Configuration"]))
        {
            checks.AddCheck<RedisHealthCheck>("redis", tags: [Ready]);
        }

        return builder;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WriteAsync });
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(entry => entry.Key, entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description }),
        }));
    }
}

internal sealed class DatabaseHealthCheck(IDbContextFactory<DigibankDbContext> factory, StorageOptions storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var name = storage.Provider == StorageProvider.PostgreSql ? "PostgreSQL" : "SQLite";
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy($"{name} answers.")
            : HealthCheckResult.Unhealthy($"{name} does not answer.");
    }
}

internal sealed class RedisHealthCheck(RedisOutboxRelay relay) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (relay.Connection is not { IsConnected: true } redis)
        {
            return HealthCheckResult.Degraded("Redis does not answer: dashboards of other instances wait for the outbox poll.");
        }

        try
        {
            var roundTrip = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"Redis answers in {roundTrip.TotalMilliseconds:0.0} ms.");
        }
        catch (Exception exception) when (exception is StackExchange.Redis.RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded("Redis does not answer: dashboards of other instances wait for the outbox poll.");
        }
    }
}
