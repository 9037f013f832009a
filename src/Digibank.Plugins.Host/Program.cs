using Digibank.Plugins.Host.Workers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Digibank.Plugins.Host;

internal static class HostProgram
{
    public static async Task<int> Main(string[] args)
    {
        // The host starts itself again as the worker of one plug-in run: `worker describe|run …`.
        if (args.Length > 0 && args[0] == PluginWorker.Command)
            return await PluginWorker.RunAsync(args);

        // Stand-alone: dotnet run --project src/Digibank.Plugins.Host -- --api https://digibank.example --plugins ./plugins
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(args);
        builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
        {
            ["--api"] = $"{PluginHostOptions.SectionName}:ApiAddress",
            ["--plugins"] = $"{PluginHostOptions.SectionName}:Directory",
        });
        builder.Services.AddPluginHost(builder.Configuration, new ConfigurationPartnerKeySource(builder.Configuration));
        await builder.Build().RunAsync();
        return 0;
    }
}
