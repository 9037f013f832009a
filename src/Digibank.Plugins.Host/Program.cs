using Digibank.Plugins.Host;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

// Stand-alone: dotnet run --project src/Digibank.Plugins.Host -- --api https://digibank.example --plugins ./plugins
var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
{
    ["--api"] = $"{PluginHostOptions.SectionName}:ApiAddress",
    ["--plugins"] = $"{PluginHostOptions.SectionName}:Directory",
});
builder.Services.AddPluginHost(builder.Configuration, new ConfigurationPartnerKeySource(builder.Configuration));
await builder.Build().RunAsync();
