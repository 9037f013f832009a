namespace Digibank.Plugins.Tests;

/// <summary>Records what a plug-in logs, so tests can see which rows it skipped and why.</summary>
public sealed class RecordingLog : IPluginLog
{
    public List<string> Infos { get; } = [];

    public List<string> Warnings { get; } = [];

    public void Info(string message) => Infos.Add(message);

    public void Warning(string message) => Warnings.Add(message);
}

/// <summary>A data folder of its own for one test, removed afterwards.</summary>
public sealed class DataFolder : IDisposable
{
    public DataFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"digibank-plugin-{Guid.NewGuid():N}");

    public RecordingLog Log { get; } = new();

    public string this[string fileName] => System.IO.Path.Combine(Path, fileName);

    /// <summary>A context on this folder; <paramref name="samplesOf"/> names the plug-in project whose samples a first run copies.</summary>
    public PluginContext Context(string? samplesOf = null, params (string Name, string Value)[] settings)
    {
        var all = settings.ToDictionary(setting => setting.Name, setting => setting.Value);
        // Tests reference the plug-ins as ordinary assemblies, so there is no samples/ beside them: point at the source.
        all["samplesFolder"] = samplesOf is null ? System.IO.Path.Combine(Path, "no-samples") : Samples.Folder(samplesOf);
        return new PluginContext(all, Path, Log);
    }

    public void Write(string fileName, string content) => File.WriteAllText(this[fileName], content);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}

public static class Samples
{
    /// <summary>plugins/<paramref name="project"/>/samples in the repository the tests run from.</summary>
    public static string Folder(string project)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Digibank.sln")))
        {
            folder = folder.Parent;
        }

        return folder is null
            ? throw new InvalidOperationException("Digibank.sln not found above the test output.")
            : Path.Combine(folder.FullName, "plugins", project, "samples");
    }
}

public static class Utc
{
    public static DateTime At(int year, int month, int day, int hour, int minute, int second = 0) =>
        new(year, month, day, hour, minute, second, DateTimeKind.Utc);
}

public static class Personal
{
    /// <summary>Fails when <paramref name="text"/> still holds any of <paramref name="values"/>: a name, an address, a number.</summary>
    public static void AbsentFrom(string text, params string[] values) =>
        Assert.All(values, value => Assert.DoesNotContain(value, text, StringComparison.Ordinal));
}
