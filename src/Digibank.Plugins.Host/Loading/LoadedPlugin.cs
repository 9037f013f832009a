using System.Reflection;
using McMaster.NETCore.Plugins;

namespace Digibank.Plugins.Host;

/// <summary>A plug-in loaded, inside a worker process, from a shadow copy of its folder into a load context of its own.</summary>
internal sealed class LoadedPlugin : IDisposable
{
    private readonly PluginLoader _loader;
    private readonly Type _pluginType;

    private LoadedPlugin(string name, string folder, PluginManifest manifest, string partnerCode, PluginLoader loader, Type pluginType)
    {
        Name = name;
        Folder = folder;
        Manifest = manifest;
        PartnerCode = partnerCode;
        _loader = loader;
        _pluginType = pluginType;
    }

    public string Name { get; }

    /// <summary>The original folder; the plug-in's data folder.</summary>
    public string Folder { get; }

    public PluginManifest Manifest { get; }

    public string PartnerCode { get; }

    /// <summary>Reads <c>plugin.json</c> and loads the plug-in from <paramref name="codeFolder"/>, a shadow copy of <paramref name="dataFolder"/>.</summary>
    /// <exception cref="PluginLoadException">The folder does not hold a usable plug-in.</exception>
    public static async Task<LoadedPlugin> LoadAsync(string codeFolder, string dataFolder, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(codeFolder);
        var manifest = PluginManifest.ReadWithAssembly(codeFolder);

        // Loading from the copy leaves the original files free to be replaced while this version runs.
        PluginLoader loader;
        try
        {
            loader = PluginLoader.CreateFromAssemblyFile(
                PluginFolder.AssemblyPath(codeFolder), isUnloadable: false, sharedTypes: [typeof(IPartnerPlugin)]);
        }
        catch (Exception exception) when (exception is BadImageFormatException or FileLoadException or IOException)
        {
            throw new PluginLoadException($"{name}.dll is not a loadable .NET assembly: {exception.Message}", manifest.PartnerCode, exception);
        }

        try
        {
            var pluginType = FindPluginType(name, loader, manifest.PartnerCode);
            var partnerCode = await ReadPartnerCodeAsync(pluginType, manifest, cancellationToken);
            return new LoadedPlugin(name, dataFolder, manifest, partnerCode, loader, pluginType);
        }
        catch
        {
            loader.Dispose();
            throw;
        }
    }

    /// <summary>A fresh instance for one run, as the plug-in contract promises.</summary>
    public IPartnerPlugin CreateInstance() => (IPartnerPlugin)Activator.CreateInstance(_pluginType)!;

    public void Dispose() => _loader.Dispose();

    private static Type FindPluginType(string name, PluginLoader loader, string? partnerCode)
    {
        Assembly assembly;
        Type[] types;
        try
        {
            assembly = loader.LoadDefaultAssembly();
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            types = [.. exception.Types.OfType<Type>()];
        }
        catch (Exception exception) when (exception is BadImageFormatException or FileLoadException or FileNotFoundException)
        {
            throw new PluginLoadException($"{name}.dll is not a loadable .NET assembly: {exception.Message}", partnerCode, exception);
        }

        var candidates = types
            .Where(type => type is { IsClass: true, IsAbstract: false, IsPublic: true }
                && typeof(IPartnerPlugin).IsAssignableFrom(type)
                && type.GetConstructor(Type.EmptyTypes) is not null)
            .ToList();
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw new PluginLoadException(
                $"{name}.dll has no public class implementing IPartnerPlugin with a public parameterless constructor "
                + "(does it reference Digibank.Plugins.Abstractions with Private=false and ExcludeAssets=runtime?).", partnerCode),
            _ => throw new PluginLoadException(
                $"{name}.dll has several IPartnerPlugin classes ({string.Join(", ", candidates.Select(type => type.FullName))}); keep one per plug-in.", partnerCode),
        };
    }

    // The constructor and PartnerCode are partner code too: they get the run's timeout, on another thread.
    private static async Task<string> ReadPartnerCodeAsync(Type pluginType, PluginManifest manifest, CancellationToken cancellationToken)
    {
        string declared;
        try
        {
            declared = await Task.Run(() => ((IPartnerPlugin)Activator.CreateInstance(pluginType)!).PartnerCode, cancellationToken)
                .WaitAsync(manifest.Timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new PluginLoadException($"Creating {pluginType.Name} took longer than {manifest.Timeout.TotalSeconds:0.#} s.", manifest.PartnerCode);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var cause = exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
            throw new PluginLoadException($"Creating {pluginType.Name} failed: {cause.Message}", manifest.PartnerCode, cause);
        }

        if (string.IsNullOrWhiteSpace(declared) && manifest.PartnerCode is null)
            throw new PluginLoadException($"{pluginType.Name} names no partner code and {PluginManifest.FileName} has no \"partnerCode\".");
        if (manifest.PartnerCode is not null && !string.IsNullOrWhiteSpace(declared) && !string.Equals(declared, manifest.PartnerCode, StringComparison.Ordinal))
            throw new PluginLoadException(
                $"{PluginManifest.FileName} says partner '{manifest.PartnerCode}' but {pluginType.Name} says '{declared}'.", manifest.PartnerCode);
        return manifest.PartnerCode ?? declared;
    }
}
