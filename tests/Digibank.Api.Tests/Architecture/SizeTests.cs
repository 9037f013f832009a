using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Digibank.Api.Tests.Architecture;

/// <summary>
/// A newcomer reads a file in one sitting and a method on one screen, and finds a public type by its name. Counted in
/// every C# file the project writes (src, plugins, tests, bench); the generated migrations are left out.
/// </summary>
public sealed class SizeTests
{
    private const int MaxFileLines = 400;

    private const int MaxMethodLines = 80;

    private static readonly string[] Folders = ["src", "plugins", "tests", "bench"];

    [Fact]
    public void No_file_is_longer_than_400_lines()
    {
        var tooLong = SourceFiles()
            .Select(file => (file, lines: File.ReadAllLines(file).Length))
            .Where(source => source.lines > MaxFileLines)
            .Select(source => $"{Relative(source.file)}: {source.lines} lines")
            .ToList();

        Assert.True(tooLong.Count == 0, $"Files over {MaxFileLines} lines:\n{string.Join('\n', tooLong)}");
    }

    [Fact]
    public void No_method_is_longer_than_80_lines()
    {
        var tooLong = SourceFiles()
            .SelectMany(file => LongMethods(File.ReadAllText(file)).Select(method => $"{Relative(file)}: {method}"))
            .ToList();

        Assert.True(tooLong.Count == 0, $"Methods over {MaxMethodLines} lines (split them into named steps):\n{string.Join('\n', tooLong)}");
    }

    [Fact]
    public void Each_public_type_has_a_file_named_after_it()
    {
        var misplaced = SourceFiles()
            .Where(file => Relative(file).StartsWith("src", StringComparison.Ordinal))
            .SelectMany(file => MisplacedTypes(Path.GetFileName(file), File.ReadAllText(file)).Select(type => $"{Relative(file)}: {type}"))
            .ToList();

        Assert.True(misplaced.Count == 0, $"Public types in a file named after another type:\n{string.Join('\n', misplaced)}");
    }

    [Theory]
    [InlineData("Course.cs", "namespace A;\npublic sealed class Course { }\npublic enum CourseLevel { Basic }", "CourseLevel")]
    [InlineData("LoanType.cs", "namespace A;\npublic sealed class DeviceType { }\npublic sealed class LoanType { }", "DeviceType")]
    [InlineData("Errors.cs", "namespace A;\npublic sealed record AError();\npublic sealed class Helper { }", "AError")]
    public void The_type_rule_finds_a_type_hidden_in_another_types_file(string fileName, string source, string hidden) =>
        Assert.Contains(hidden, MisplacedTypes(fileName, source));

    [Theory]
    [InlineData("Course.cs", "namespace A;\npublic sealed class Course { }\ninternal sealed class CourseRows { }")]
    [InlineData("SignUpErrors.cs", "namespace A;\npublic sealed record CourseFullError(int Seats);\npublic sealed record CourseNotOpenError();")]
    [InlineData("SignUpInputs.cs", "namespace A;\npublic sealed record SignUpInput(int Id);\npublic sealed record SignUpPayload(int Id);")]
    [InlineData("ListFilterInputType.cs", "namespace A;\npublic class ListFilterInputType { }\npublic class ListFilterInputType<T> { }")]
    [InlineData("Course.Rules.cs", "namespace A;\npublic sealed partial class Course { }")]
    public void The_type_rule_leaves_families_of_records_internal_helpers_and_parts(string fileName, string source) =>
        Assert.Empty(MisplacedTypes(fileName, source));

    [Fact]
    public void The_method_rule_counts_from_the_signature_to_the_closing_brace()
    {
        var body = string.Join('\n', Enumerable.Range(0, MaxMethodLines - 3).Select(line => $"        Step({line});"));
        var fits = $"class A\n{{\n    void Fits()\n    {{\n{body}\n    }}\n}}";
        var tooLong = $"class A\n{{\n    void TooLong()\n    {{\n{body}\n        Step(-1);\n    }}\n}}";

        Assert.Empty(LongMethods(fits));
        Assert.Equal(["TooLong: 81 lines"], LongMethods(tooLong));
    }

    /// <summary>The public top-level types that neither give the file its name nor belong to a family of records.</summary>
    private static IEnumerable<string> MisplacedTypes(string fileName, string source)
    {
        var named = fileName.Split('.')[0];
        var types = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
            .OfType<MemberDeclarationSyntax>()
            .Where(member => member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax && member.Modifiers.Any(SyntaxKind.PublicKeyword))
            .Select(member => (Name: member switch { BaseTypeDeclarationSyntax type => type.Identifier.Text, DelegateDeclarationSyntax d => d.Identifier.Text, _ => "" }, IsRecord: member is RecordDeclarationSyntax))
            .ToList();
        // The errors of a mutation, its input and payload: records that only make sense together may share a file
        // named after their family, as long as nothing but records is public in it.
        if (types.Count > 1 && types.All(type => type.IsRecord))
        {
            return [];
        }

        return types.Where(type => type.Name != named).Select(type => type.Name).Distinct();
    }

    private static List<string> LongMethods(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source);
        return [.. tree.GetRoot().DescendantNodes()
            .Where(node => node is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax)
            .Select(node => (node, lines: Lines(tree, node)))
            .Where(method => method.lines > MaxMethodLines)
            .Select(method => $"{Name(method.node)}: {method.lines} lines")];
    }

    private static int Lines(SyntaxTree tree, SyntaxNode node)
    {
        var span = tree.GetLineSpan(node.Span);
        return span.EndLinePosition.Line - span.StartLinePosition.Line + 1;
    }

    private static string Name(SyntaxNode node) => node switch
    {
        MethodDeclarationSyntax method => method.Identifier.Text,
        ConstructorDeclarationSyntax constructor => $"{constructor.Identifier.Text} (constructor)",
        LocalFunctionStatementSyntax local => local.Identifier.Text,
        AccessorDeclarationSyntax accessor => $"{accessor.Keyword.Text} accessor",
        _ => node.Kind().ToString(),
    };

    private static IEnumerable<string> SourceFiles() =>
        Folders.Select(folder => Path.Combine(RepositoryRoot.Path, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Where(file => !Relative(file).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules" or "Migrations"));

    private static string Relative(string file) => Path.GetRelativePath(RepositoryRoot.Path, file);
}
