using Microsoft.Extensions.Logging;

namespace Digibank.Plugins.Host;

/// <summary>A plug-in's messages in the host's log, under the plug-in's own category.</summary>
internal sealed class PluginLog(ILogger logger) : IPluginLog
{
    public void Info(string message) => logger.LogInformation("{PluginMessage}", message);

    public void Warning(string message) => logger.LogWarning("{PluginMessage}", message);
}
