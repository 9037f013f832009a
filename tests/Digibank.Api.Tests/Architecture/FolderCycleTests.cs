using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace Digibank.Api.Tests.Architecture;

/// <summary>The API's top-level folders, infrastructure included, use each other one way only: no cycle of any length.</summary>
public sealed class FolderCycleTests(FolderCycleTests.ApiFolders api, ITestOutputHelper output) : IClassFixture<FolderCycleTests.ApiFolders>
{
    /// <summary>What every feature may use: the shared words, storage, GraphQL, hosting and who is asking.</summary>
    private static readonly string[] Foundation = ["Data", "GraphQL", "Hosting", "Staff", "Vocabulary"];

    /// <summary>What puts the features together (the schema, the start-up) or fills them (the demo region); nothing uses these.</summary>
    private static readonly string[] Roots = ["Composition", "DemoRegion"];

    [Fact]
    public void No_folder_reaches_itself_through_the_folders_it_uses()
    {
        var cycles = api.Graph.Cycles();
        foreach (var ((user, used), example) in api.Graph.Arrows.OrderBy(arrow => arrow.Key))
        {
            output.WriteLine($"{user} -> {used}: {example}");
        }

        Assert.True(
            cycles.Count == 0,
            "Folders that use each other through a cycle (remove one arrow of each):\n" +
            string.Join("\n\n", cycles.Select(group => $"{string.Join(", ", group)}:\n  {string.Join("\n  ", api.Graph.ArrowsWithin(group))}")));
    }

    [Fact]
    public void Both_readings_find_the_arrows_everyone_knows()
    {
        // Features keep their rows in the store, their fields in the schema; the composition root puts all together.
        Assert.Contains(("Courses", "Data"), api.Graph.Arrows.Keys);
        Assert.Contains(("Courses", "GraphQL"), api.Graph.Arrows.Keys);
        Assert.Contains(("Composition", "Courses"), api.Graph.Arrows.Keys);
        Assert.Contains(api.Graph.Arrows.Values, example => example.EndsWith("(source)", StringComparison.Ordinal));
        Assert.Contains(api.Graph.Arrows.Values, example => example.EndsWith("(compiled)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_picture_in_the_architecture_document_shows_the_folders_as_they_are()
    {
        var picture = $"```mermaid\n{api.Graph.ToMermaid(Foundation, Roots)}\n```";
        var document = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "architecture.md")).ReplaceLineEndings("\n");

        Assert.True(document.Contains(picture, StringComparison.Ordinal), $"docs/architecture.md should show the folders as they are now:\n{picture}");
    }

    [Theory]
    [InlineData("Data")]
    [InlineData("GraphQL")]
    public void A_constant_of_a_feature_copied_into_infrastructure_is_a_cycle(string infrastructure)
    {
        // The compiler copies a const into its user, so only the source shows this arrow back to Courses.
        var probe = CSharpSyntaxTree.ParseText(
            $$"""
            namespace Digibank.Api.{{infrastructure}};

            internal static class CycleProbe
            {
                public const int Copied = Digibank.Api.Courses.CalendarFeeds.MaxEvents;
            }
            """,
            new CSharpParseOptions(LanguageVersion.Preview),
            "CycleProbe.cs");
        var graph = api.Graph.Copy();

        graph.AddFromSources(api.Sources.AddSyntaxTrees(probe), [probe]);

        Assert.Contains(graph.Cycles(), group => group.Contains(infrastructure) && group.Contains("Courses"));
    }

    public sealed class ApiFolders
    {
        public CSharpCompilation Sources { get; } = FolderGraph.CompileApiSources(Path.Combine(RepositoryRoot.Path, "src", "Digibank.Api"));

        public FolderGraph Graph { get; }

        public ApiFolders()
        {
            Graph = new FolderGraph();
            Graph.AddFromAssembly(typeof(Digibank.Api.Courses.Course).Assembly);
            Graph.AddFromSources(Sources, Sources.SyntaxTrees);
        }
    }
}
