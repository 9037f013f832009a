using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Digibank.Plugins.Host;

/// <summary>Wires the plug-in host into a generic host, stand-alone or inside the API.</summary>
public static class PluginHostServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PluginHost"/> as a hosted service, with <see cref="PluginHostStatus"/> as a singleton.
    /// Options come from the <c>Plugins</c> section of <paramref name="configuration"/>, then <paramref name="configure"/>.
    /// </summary>
    public static IServiceCollection AddPluginHost(
        this IServiceCollection services,
        IConfiguration configuration,
        IPartnerKeySource keys,
        Action<PluginHostOptions>? configure = null) =>
        services.AddPluginHost(configuration, _ => keys, configure);

    /// <summary>
    /// As above, with a key source that comes from the services, such as the API's own. With
    /// <paramref name="asHostedService"/> false the host is only registered, for a caller that starts and stops it
    /// itself (the API runs it in one of its instances at a time).
    /// </summary>
    public static IServiceCollection AddPluginHost(
        this IServiceCollection services,
        IConfiguration configuration,
        Func<IServiceProvider, IPartnerKeySource> keys,
        Action<PluginHostOptions>? configure = null,
        bool asHostedService = true)
    {
        var options = new PluginHostOptions();
        configuration.GetSection(PluginHostOptions.SectionName).Bind(options);
        configure?.Invoke(options);

        services.AddLogging();
        services.AddSingleton<PluginHostStatus>();
        services.AddSingleton(serviceProvider => new PluginHost(
            options,
            keys(serviceProvider),
            serviceProvider.GetRequiredService<PluginHostStatus>(),
            serviceProvider.GetRequiredService<ILoggerFactory>()));
        if (asHostedService)
        {
            services.AddSingleton<IHostedService>(serviceProvider => serviceProvider.GetRequiredService<PluginHost>());
        }

        return services;
    }
}
