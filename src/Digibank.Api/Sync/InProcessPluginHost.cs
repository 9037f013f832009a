using Digibank.Api.Data.Leases;
using Digibank.Plugins.Host;

namespace Digibank.Api.Sync;

/// <summary>
/// Runs the plug-in host inside the API, so one command starts everything. It still talks to the API
/// only through the gRPC contract, with a key per partner that the API issues to it at start-up.
/// </summary>
public static class InProcessPluginHost
{
    public const string EnabledSetting = "Plugins:Enabled";

    public static WebApplicationBuilder AddInProcessPluginHost(this WebApplicationBuilder builder)
    {
        if (!builder.Configuration.GetValue(EnabledSetting, true))
        {
            return builder;
        }

        var contentRoot = builder.Environment.ContentRootPath;
        var grpcUrl = builder.Configuration["Kestrel:Endpoints:Grpc:Url"] ?? "http://127.0.0.1:5081";
        builder.Services.AddSingleton<InProcessPartnerKeys>();
        builder.Services.AddPluginHost(builder.Configuration, services => services.GetRequiredService<InProcessPartnerKeys>(), options =>
        {
            // By default the sample plug-ins that the build places in artifacts/plugins at the repository root.
            options.Directory = Path.GetFullPath(options.Directory ?? Path.Combine("..", "..", "artifacts", "plugins"), contentRoot);
            options.ApiAddress = new Uri(grpcUrl.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        }, asHostedService: false);
        // Several API instances share one set of partners: the host runs in the one holding its lease, so no
        // partner's plug-in ever runs in two instances at once.
        builder.Services.AddLeasedHostedService<PluginHost>("plug-in host");
        return builder;
    }
}
