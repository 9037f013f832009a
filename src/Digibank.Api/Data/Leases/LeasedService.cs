namespace Digibank.Api.Data.Leases;

/// <summary>Runs <typeparamref name="TService"/> only while this instance holds its lease, and again when it gets it back.</summary>
public sealed class LeasedService<TService>(TService service, string lease, IInstanceLeases leases, ILogger<LeasedService<TService>> logger) : BackgroundService
    where TService : IHostedService
{
    public TService Service => service;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        leases.HoldWheneverPossibleAsync(
            lease,
            () => service.StartAsync(stoppingToken),
            async stopping =>
            {
                await service.StopAsync(CancellationToken.None);
                if (!stopping)
                {
                    logger.LogWarning("{Service} stopped: this instance lost the lease {Lease}; it tries to get it back", typeof(TService).Name, lease);
                }
            },
            stoppingToken);
}
