using System.Text.Json;

namespace Digibank.Plugins.Host;

/// <summary>
/// A plug-in's <c>plugin.json</c>: <c>{ "partnerCode": "ligo", "intervalSeconds": 60, "timeoutSeconds": 30, "settings": { … } }</c>,
/// optionally with <c>"memoryLimitMegabytes"</c> and <c>"cpuSeconds"</c> to hold its worker to less than the host allows.
/// </summary>
internal sealed record PluginManifest(
    string? PartnerCode,
    TimeSpan Interval,
    TimeSpan Timeout,
    IReadOnlyDictionary<string, string> Settings,
    int? MemoryLimitMegabytes = null,
    TimeSpan? CpuBudget = null)
{
    public const string FileName = "plugin.json";

    private const double MaxSeconds = 86_400;

    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>The manifest of a plug-in folder that also holds its <c>&lt;Name&gt;/&lt;Name&gt;.dll</c>.</summary>
    public static PluginManifest ReadWithAssembly(string pluginFolder)
    {
        var manifest = Read(pluginFolder);
        if (!File.Exists(PluginFolder.AssemblyPath(pluginFolder)))
            throw new PluginLoadException($"{Path.GetFileName(pluginFolder)}.dll is missing: a plug-in folder holds <Name>/<Name>.dll.", manifest.PartnerCode);
        return manifest;
    }

    public static PluginManifest Read(string pluginFolder)
    {
        var path = Path.Combine(pluginFolder, FileName);
        if (!File.Exists(path))
            throw new PluginLoadException($"{FileName} is missing.");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), Lenient);
        }
        catch (JsonException exception)
        {
            throw new PluginLoadException($"{FileName} is not valid JSON: {exception.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new PluginLoadException($"{FileName} must hold a JSON object.");

            var partnerCode = ReadString(document.RootElement, "partnerCode");
            var interval = TimeSpan.FromSeconds(ReadNumber(document.RootElement, "intervalSeconds", MaxSeconds, "seconds", partnerCode) ?? 60);
            var timeout = TimeSpan.FromSeconds(ReadNumber(document.RootElement, "timeoutSeconds", MaxSeconds, "seconds", partnerCode) ?? 30);
            var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (TryGetProperty(document.RootElement, "settings", out var settingsElement))
            {
                if (settingsElement.ValueKind != JsonValueKind.Object)
                    throw new PluginLoadException($"{FileName}: \"settings\" must be an object.", partnerCode);
                foreach (var setting in settingsElement.EnumerateObject())
                    settings[setting.Name] = setting.Value.ValueKind == JsonValueKind.String ? setting.Value.GetString()! : setting.Value.GetRawText();
            }

            var memory = ReadNumber(document.RootElement, "memoryLimitMegabytes", 64 * 1024, "megabytes", partnerCode) is { } megabytes ? (int)Math.Ceiling(megabytes) : (int?)null;
            var cpu = ReadNumber(document.RootElement, "cpuSeconds", MaxSeconds, "seconds", partnerCode) is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
            return new PluginManifest(partnerCode, interval, timeout, settings, memory, cpu);
        }
    }

    private static string? ReadString(JsonElement root, string name)
    {
        if (!TryGetProperty(root, name, out var element) || element.ValueKind == JsonValueKind.Null)
            return null;
        if (element.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(element.GetString()))
            throw new PluginLoadException($"{FileName}: \"{name}\" must be a non-empty string.");
        return element.GetString()!.Trim();
    }

    /// <summary>The number, or null when the manifest does not name it.</summary>
    private static double? ReadNumber(JsonElement root, string name, double max, string unit, string? partnerCode)
    {
        if (!TryGetProperty(root, name, out var element))
            return null;
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out var number) || number <= 0 || number > max)
            throw new PluginLoadException($"{FileName}: \"{name}\" must be a number of {unit} between 0 and {max}.", partnerCode);
        return number;
    }

    private static bool TryGetProperty(JsonElement root, string name, out JsonElement value)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}

/// <summary>A plug-in folder that cannot be loaded; the message is shown to staff, so it says what to fix.</summary>
internal sealed class PluginLoadException(string message, string? partnerCode = null, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>The partner, when <c>plugin.json</c> got far enough to name it, so the failure can be reported.</summary>
    public string? PartnerCode { get; } = partnerCode;
}
