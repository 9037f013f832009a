namespace Digibank.Api.Data.Leases;

public static class LeaseSetup
{
    /// <summary>
    /// Takes the lease whenever it is free and holds it until it is lost or the instance stops, then tries again:
    /// <paramref name="held"/> runs each time it is taken, <paramref name="released"/> (told whether the instance is
    /// stopping) each time it goes.
    /// </summary>
    public static async Task HoldWheneverPossibleAsync(
        this IInstanceLeases leases, string lease, Func<Task> held, Func<bool, Task> released, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            LeaseHold hold;
            try
            {
                hold = await leases.AcquireAsync(lease, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            await using (hold)
            {
                await held();
                using var holding = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, hold.Lost);
                await Task.Delay(Timeout.Infinite, holding.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                await released(stoppingToken.IsCancellationRequested);
            }
        }
    }

    public static IServiceCollection AddInstanceLeases(this IServiceCollection services, IConfiguration configuration, StorageProvider provider)
    {
        services.Configure<LeaseOptions>(configuration.GetSection(LeaseOptions.Section));
        return provider == StorageProvider.PostgreSql
            ? services.AddSingleton<IInstanceLeases, PostgreSqlLeases>()
            : services.AddSingleton<IInstanceLeases, SingleInstanceLeases>();
    }

    /// <summary>Runs the hosted service <typeparamref name="TService"/> (a singleton) in one instance at a time.</summary>
    public static IServiceCollection AddLeasedHostedService<TService>(this IServiceCollection services, string lease)
        where TService : class, IHostedService =>
        services.AddHostedService(provider => new LeasedService<TService>(
            provider.GetRequiredService<TService>(), lease, provider.GetRequiredService<IInstanceLeases>(), provider.GetRequiredService<ILogger<LeasedService<TService>>>()));
}
