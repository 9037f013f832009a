using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Digibank.Api.Tests;

/// <summary>
/// A test that runs a Node.js script of its own folder, with that folder's npm package (installed by `npm ci` there,
/// as `.ci/run` does): an independent implementation to check the API against. Skipped, with the reason, where
/// Node.js or the package is missing.
/// </summary>
public abstract class NodeScriptFactAttribute : FactAttribute
{
    protected NodeScriptFactAttribute(string folder, string package)
    {
        if (!File.Exists(Path.Combine(NodeScripts.FolderOf(folder), "node_modules", package, "package.json")) || NodeScripts.Which("node") is null)
        {
            Skip = $"{package} is not installed: run `npm ci --prefix {NodeScripts.FolderOf(folder)}` (Node.js needed).";
        }
    }
}

public static class NodeScripts
{
    /// <summary>The folder of a script, from the test project's root (e.g. <c>Courses/ical-check</c>).</summary>
    public static string FolderOf(string folder) => Path.Combine(RepositoryRoot.Path, "tests", "Digibank.Api.Tests", folder);

    /// <summary>Runs <paramref name="script"/> and reads what it prints: one JSON value a line.</summary>
    public static async Task<List<JsonNode>> RunAsync(string folder, string script, params string[] arguments)
    {
        using var node = Process.Start(new ProcessStartInfo(Which("node")!, [Path.Combine(FolderOf(folder), script), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = FolderOf(folder),
        })!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = node.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = node.StandardError.ReadToEndAsync(timeout.Token);
        await node.WaitForExitAsync(timeout.Token);
        Assert.True(node.ExitCode == 0, $"{script} failed: {await errors}");
        return [.. (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!)];
    }

    public static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
}
