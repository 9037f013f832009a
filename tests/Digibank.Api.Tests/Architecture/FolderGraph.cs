using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetArchTest.Rules;

namespace Digibank.Api.Tests.Architecture;

/// <summary>
/// Which top-level folder of the API uses which. Read twice: from the compiled assembly (every type a type's
/// signatures and method bodies name), and from the sources through Roslyn's semantic model, because the compiler
/// copies a <c>const</c> into its user and the assembly then holds no trace of where it came from.
/// </summary>
public sealed class FolderGraph
{
    private const string Root = "Digibank.Api";

    /// <summary>An arrow from the folder that uses to the folder it uses, with one example of the use.</summary>
    private readonly Dictionary<(string User, string Used), string> _arrows = [];

    public IReadOnlyDictionary<(string User, string Used), string> Arrows => _arrows;

    public FolderGraph Copy()
    {
        var copy = new FolderGraph();
        foreach (var (arrow, example) in _arrows)
        {
            copy._arrows.Add(arrow, example);
        }

        return copy;
    }

    public static IReadOnlyList<string> FoldersOf(Assembly api) =>
        [.. api.GetTypes().Select(type => FolderOf(type.Namespace)).OfType<string>().Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The top-level folder a namespace belongs to, or null for the root and everything outside the API.</summary>
    public static string? FolderOf(string? name)
    {
        if (name is null || !name.StartsWith(Root + ".", StringComparison.Ordinal))
        {
            return null;
        }

        return name.Split('.')[2];
    }

    public void AddFromAssembly(Assembly api)
    {
        var folders = FoldersOf(api);
        var types = Types.InAssembly(api);
        foreach (var user in folders)
        {
            foreach (var used in folders.Where(used => used != user))
            {
                var users = types.That().ResideInNamespaceMatching($@"^{Root}\.{user}(\.|$)").And().HaveDependencyOn($"{Root}.{used}").GetTypes();
                if (users.FirstOrDefault() is { } example)
                {
                    Add(user, used, $"{example.FullName} (compiled)");
                }
            }
        }
    }

    /// <summary>Reads the uses in <paramref name="checkedTrees"/>, bound against every tree of the compilation.</summary>
    public void AddFromSources(CSharpCompilation compilation, IEnumerable<SyntaxTree> checkedTrees)
    {
        foreach (var tree in checkedTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            var root = tree.GetRoot();
            var user = FolderOf(root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString());
            if (user is null)
            {
                continue;
            }

            foreach (var name in root.DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var symbol = model.GetSymbolInfo(name).Symbol;
                var used = FolderOf(NamespaceOf(symbol));
                if (used is not null && used != user)
                {
                    Add(user, used, $"{Path.GetFileName(tree.FilePath)} uses {symbol!.ToDisplayString()} (source)");
                }
            }
        }
    }

    /// <summary>The API's sources parsed and bound against the assemblies the tests run with.</summary>
    public static CSharpCompilation CompileApiSources(string sourceFolder)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = Directory.EnumerateFiles(sourceFolder, "*.cs", SearchOption.AllDirectories)
            .Where(file => !Path.GetRelativePath(sourceFolder, file).Split(Path.DirectorySeparatorChar).Any(folder => folder is "bin" or "obj"))
            .Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), parse, file))
            .ToList();
        return CSharpCompilation.Create("ApiSources", trees, References(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>The folders that reach each other through arrows, each group of two or more being one or more cycles.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var nodes = _arrows.Keys.SelectMany(arrow => new[] { arrow.User, arrow.Used }).Distinct().Order(StringComparer.Ordinal).ToList();
        var next = nodes.ToDictionary(node => node, node => _arrows.Keys.Where(arrow => arrow.User == node).Select(arrow => arrow.Used).ToList());
        var groups = new List<IReadOnlyList<string>>();
        var reach = nodes.ToDictionary(node => node, node => Reachable(node, next));
        var placed = new HashSet<string>();
        foreach (var node in nodes.Where(node => !placed.Contains(node)))
        {
            var group = nodes.Where(other => other == node || (reach[node].Contains(other) && reach[other].Contains(node))).ToList();
            placed.UnionWith(group);
            if (group.Count > 1)
            {
                groups.Add(group);
            }
        }

        return groups;
    }

    /// <summary>The arrows inside a group of folders, each with its example: what to read to break the cycle.</summary>
    public IEnumerable<string> ArrowsWithin(IReadOnlyList<string> group) =>
        _arrows.Where(arrow => group.Contains(arrow.Key.User) && group.Contains(arrow.Key.Used))
            .Select(arrow => $"{arrow.Key.User} -> {arrow.Key.Used}: {arrow.Value}");

    /// <summary>
    /// The graph as a Mermaid flowchart. Arrows among the <paramref name="foundation"/> and among the features are
    /// drawn one by one; a feature's arrows into the foundation, and the <paramref name="roots"/>' arrows, are drawn
    /// once between the groups, where every feature or root has them alike.
    /// </summary>
    public string ToMermaid(IReadOnlyCollection<string> foundation, IReadOnlyCollection<string> roots)
    {
        static string Group(string folder, IReadOnlyCollection<string> foundation, IReadOnlyCollection<string> roots) =>
            roots.Contains(folder) ? folder : foundation.Contains(folder) ? "foundation" : "features";

        var lines = new List<string> { "flowchart TD" };
        var summarized = new SortedSet<string>(StringComparer.Ordinal);
        var within = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal) { ["features"] = new(StringComparer.Ordinal), ["foundation"] = new(StringComparer.Ordinal) };
        foreach (var (user, used) in _arrows.Keys)
        {
            var (from, to) = (Group(user, foundation, roots), Group(used, foundation, roots));
            if (from == to && within.TryGetValue(from, out var arrows))
            {
                arrows.Add($"    {user} --> {used}");
            }
            else
            {
                summarized.Add($"  {from} --> {to}");
            }
        }

        foreach (var (group, title) in new[] { ("features", "Features"), ("foundation", "Foundation: shared words, storage, GraphQL, hosting, who is asking") })
        {
            lines.Add($"  subgraph {group} [\"{title}\"]");
            // A folder with no arrow inside its group is still drawn in it.
            var drawn = _arrows.Keys.Where(arrow => Group(arrow.User, foundation, roots) == group && Group(arrow.Used, foundation, roots) == group)
                .SelectMany(arrow => new[] { arrow.User, arrow.Used })
                .ToHashSet(StringComparer.Ordinal);
            var loose = _arrows.Keys.SelectMany(arrow => new[] { arrow.User, arrow.Used })
                .Where(folder => Group(folder, foundation, roots) == group && !drawn.Contains(folder))
                .Distinct().Order(StringComparer.Ordinal);
            lines.AddRange(loose.Select(folder => $"    {folder}"));
            lines.AddRange(within[group]);
            lines.Add("  end");
        }

        lines.AddRange(summarized);
        return string.Join('\n', lines);
    }

    private void Add(string user, string used, string example) => _arrows.TryAdd((user, used), example);

    private static HashSet<string> Reachable(string start, Dictionary<string, List<string>> next)
    {
        var seen = new HashSet<string>();
        var waiting = new Stack<string>(next[start]);
        while (waiting.TryPop(out var node))
        {
            if (seen.Add(node))
            {
                foreach (var further in next[node])
                {
                    waiting.Push(further);
                }
            }
        }

        return seen;
    }

    private static string? NamespaceOf(ISymbol? symbol) => symbol switch
    {
        null or INamespaceSymbol or ILocalSymbol or IParameterSymbol or IRangeVariableSymbol or ILabelSymbol => null,
        ITypeParameterSymbol => null,
        INamedTypeSymbol type => type.OriginalDefinition.ContainingNamespace?.ToDisplayString(),
        _ => symbol.ContainingType?.OriginalDefinition.ContainingNamespace?.ToDisplayString(),
    };

    private static IEnumerable<MetadataReference> References()
    {
        // The framework first (the runtime's and ASP.NET Core's shared folders), then the packages beside the tests.
        var folders = new[]
        {
            RuntimeEnvironment.GetRuntimeDirectory(),
            Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Builder.WebApplication).Assembly.Location)!,
            AppContext.BaseDirectory,
        };
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in folders.SelectMany(folder => Directory.EnumerateFiles(folder, "*.dll")))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith("Digibank.Api", StringComparison.Ordinal) || !seen.Add(name) || !IsManaged(file))
            {
                continue;
            }

            yield return MetadataReference.CreateFromFile(file);
        }
    }

    private static bool IsManaged(string file)
    {
        try
        {
            AssemblyName.GetAssemblyName(file);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
