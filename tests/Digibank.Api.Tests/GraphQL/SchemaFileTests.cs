using Digibank.Api.GraphQL;

namespace Digibank.Api.Tests.GraphQL;

public sealed class SchemaFileTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    [Fact]
    public void The_checked_in_schema_graphql_equals_the_running_schema()
    {
        var checkedIn = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "schema.graphql")).ReplaceLineEndings("\n");
        var running = SchemaFile.Print(api.Services);

        Assert.True(
            checkedIn == running,
            "schema.graphql differs from the running schema. Regenerate it from the repository root with:\n" +
            "  dotnet run --project src/Digibank.Api -- --print-schema schema.graphql\n" +
            "and review the difference before committing it.");
    }
}
