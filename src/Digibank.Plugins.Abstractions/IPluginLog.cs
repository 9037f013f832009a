namespace Digibank.Plugins;

/// <summary>A plug-in's log.</summary>
public interface IPluginLog
{
    /// <summary>Normal progress, e.g. how many offers were read.</summary>
    void Info(string message);

    /// <summary>Something the partner should look at, such as a row that was skipped.</summary>
    void Warning(string message);
}
