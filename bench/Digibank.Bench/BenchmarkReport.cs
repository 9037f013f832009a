using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Digibank.Bench;

/// <summary>Writes a benchmark's latest result into its own section of docs/benchmarks.md.</summary>
public static partial class BenchmarkReport
{
    /// <summary>Writes <paramref name="table"/> into the section of docs/benchmarks.md that <paramref name="benchmark"/> marks.</summary>
    /// <param name="benchmark">The benchmark's name, as its section's markers carry it.</param>
    /// <param name="table">The figures, in Markdown.</param>
    /// <param name="heading">The heading of a section the file does not have yet, which is then added at its end; without one, a missing section is an error.</param>
    public static void Record(string benchmark, string table, string? heading = null)
    {
        var file = Path.Combine(RepositoryRoot, "docs", "benchmarks.md");
        var text = File.ReadAllText(file);
        var section = $"""
            <!-- {benchmark}:start -->
            Measured {DateTime.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}.

            {table}
            <!-- {benchmark}:end -->
            """;
        var pattern = new Regex($"<!-- {benchmark}:start -->.*?<!-- {benchmark}:end -->", RegexOptions.Singleline);
        if (!pattern.IsMatch(text))
        {
            if (heading is null)
            {
                throw new InvalidOperationException($"docs/benchmarks.md has no section for '{benchmark}'.");
            }

            text = $"{text.TrimEnd()}\n\n## {heading}\n\n<!-- {benchmark}:start -->\n<!-- {benchmark}:end -->\n";
        }

        File.WriteAllText(file, pattern.Replace(text, section.ReplaceLineEndings("\n"), 1));
        Console.WriteLine($"Recorded in {file}");
    }

    public static string RepositoryRoot => FindRepositoryRoot();

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Digibank.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }
}
