using System.Text.RegularExpressions;
using Digibank.Api.Data.RowSecurity;

namespace Digibank.Api.Tests.Data;

/// <summary>
/// The named bypasses of row-level security: each entered in the code by its constant, every constant used, and none
/// but those (the database accepts exactly <see cref="RegionBypasses.All"/>; see RowLevelSecurityTests).
/// </summary>
public sealed partial class RegionBypassNameTests
{
    [Fact]
    public void Every_bypass_is_entered_by_its_name_and_every_name_is_used()
    {
        var source = Path.Combine(RepositoryRoot.Path, "src", "Digibank.Api");
        var calls = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => BypassCall().Matches(File.ReadAllText(file)).Select(match => (File: Path.GetRelativePath(source, file), Argument: match.Groups[1].Value.Trim())))
            .Where(call => call.File != Path.Combine("Data", "RowSecurity", "RegionScope.cs"))
            .ToList();

        Assert.All(calls, call => Assert.StartsWith("RegionBypasses.", call.Argument));
        var used = calls.Select(call => (string)typeof(RegionBypasses).GetField(call.Argument["RegionBypasses.".Length..])!.GetValue(null)!).ToHashSet();
        Assert.Equal(RegionBypasses.All.Order(), used.Order());
        // Where each runs, for the record: the outbox, messages, reminders, retention, partner sync, self-service links, the seed,
        // and the admin's overview of every region's reach figures.
        Assert.Equal(["messages", "outbox", "overview", "partner-sync", "reminders", "retention", "seed", "self-service"], RegionBypasses.All.Order());
    }

    [GeneratedRegex(@"RegionScope\.Bypass\(([^)]*)\)")]
    private static partial Regex BypassCall();
}
