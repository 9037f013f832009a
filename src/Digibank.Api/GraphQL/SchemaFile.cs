using GraphQL;
using GraphQL.Types;

namespace Digibank.Api.GraphQL;

/// <summary>
/// <c>dotnet run --project src/Digibank.Api -- --print-schema schema.graphql</c> writes the running schema
/// as SDL and exits; the checked-in <c>schema.graphql</c> is made this way and a test keeps it equal.
/// </summary>
public static class SchemaFile
{
    public const string Option = "print-schema";

    public static async Task<bool> TryWriteAsync(WebApplication app, string[] args)
    {
        if (app.Configuration[Option] is not { Length: > 0 } path)
        {
            return false;
        }

        var target = Path.IsPathRooted(path) ? path : Path.Combine(RepositoryRoot(), path);
        await File.WriteAllTextAsync(target, Print(app.Services));
        Console.WriteLine($"Wrote the GraphQL schema to {target}");
        return true;
    }

    // `dotnet run --project` starts in the project folder; relative paths mean the repository root.
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Digibank.sln")))
            {
                return folder.FullName;
            }
        }

        return Environment.CurrentDirectory;
    }

    public static string Print(IServiceProvider services) =>
        services.GetRequiredService<ISchema>().Print().ReplaceLineEndings("\n").TrimEnd() + "\n";
}
