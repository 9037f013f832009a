namespace Digibank.Api.Tests.Architecture;

/// <summary>
/// No test sleeps a fixed time to let "anything more" happen before it asserts that nothing did: it waits for the
/// outbox and the sender to be idle (<see cref="DigibankApiFactory.UntilQuietAsync"/>), or for an event that must
/// come after the one it counts. The rule, read from the sources of all three test projects: every
/// <c>Task.Delay(</c> and <c>Thread.Sleep(</c> sits inside a <c>while</c> or <c>do</c> loop (a poll that waits for
/// something until a deadline) or a <c>catch</c> (a pause before trying again). Two waits are not sleeps and may stand
/// anywhere: <c>Task.Delay(Timeout.Infinite…)</c> (a plug-in that hangs on purpose) and a delay raced in
/// <c>Task.WhenAny</c> (a bound on another wait). What encloses a line is read from the indentation, which the
/// sources keep.
/// </summary>
public sealed class FixedWaitTests
{
    private static readonly string[] Sleeps = ["Task.Delay(", "Thread.Sleep("];

    private static readonly string[] Waiting = ["while", "do", "catch"];

    [Fact]
    public void No_test_sleeps_a_fixed_time_outside_a_loop_that_waits_for_something()
    {
        var tests = Path.Combine(RepositoryRoot.Path, "tests");
        var fixedWaits = Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories)
            .Where(file => !Path.GetRelativePath(tests, file).Split(Path.DirectorySeparatorChar).Any(folder => folder is "bin" or "obj" or "node_modules"))
            // This file names the calls in its rule and its samples.
            .Where(file => Path.GetFileName(file) != $"{nameof(FixedWaitTests)}.cs")
            .SelectMany(file => FixedWaitsIn(File.ReadAllLines(file)).Select(line => $"{Path.GetRelativePath(RepositoryRoot.Path, file)}:{line}"))
            .ToList();

        Assert.True(fixedWaits.Count == 0, $"Fixed waits outside a polling loop (wait for the outbox to be idle or for the event you expect instead):\n{string.Join('\n', fixedWaits)}");
    }

    [Theory]
    [InlineData("await Task.Delay(TimeSpan.FromMilliseconds(500));\nAssert.Single(api.Smtp.To(email));")]
    [InlineData("for (var person = 1; person <= 30; person++)\n{\n    await SignUpAsync(course, person);\n    await Task.Delay(500);\n}")]
    [InlineData("if (slow)\n{\n    Thread.Sleep(1000);\n}")]
    [InlineData("while (!done())\n{\n    Check();\n}\n\nawait Task.Delay(50);")]
    public void The_rule_finds_a_sleep_before_an_assertion_or_in_a_loop_that_counts(string code) =>
        Assert.NotEmpty(FixedWaitsIn(code.Split('\n')));

    [Theory]
    [InlineData("while (!done())\n{\n    Assert.True(DateTime.UtcNow < deadline);\n    await Task.Delay(50);\n}")]
    [InlineData("while (SignUps < count && DateTime.UtcNow < deadline)\n    await Task.Delay(50);")]
    [InlineData("while (!done()\n       && DateTime.UtcNow < deadline)\n{\n    try\n    {\n        Poll();\n    }\n    finally\n    {\n        await Task.Delay(50);\n    }\n}")]
    [InlineData("do\n{\n    await Task.Delay(20);\n}\nwhile (!done());")]
    [InlineData("try\n{\n    drop.ExecuteNonQuery();\n}\ncatch (PostgresException)\n{\n    Thread.Sleep(200 * attempt);\n}")]
    [InlineData("await Task.Delay(Timeout.Infinite, CancellationToken.None);")]
    [InlineData("await Task.WhenAny(_reading, Task.Delay(TimeSpan.FromSeconds(5)));")]
    [InlineData("// await Task.Delay(500);")]
    public void The_rule_leaves_polls_retries_and_waits_that_are_no_sleeps(string code) =>
        Assert.Empty(FixedWaitsIn(code.Split('\n')));

    /// <summary>The line numbers of the sleeps in <paramref name="lines"/> that no loop or catch encloses.</summary>
    private static IEnumerable<int> FixedWaitsIn(string[] lines)
    {
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            if (line.StartsWith("//", StringComparison.Ordinal) || !Sleeps.Any(sleep => line.Contains(sleep, StringComparison.Ordinal))
                || line.Contains("Task.Delay(Timeout.Infinite", StringComparison.Ordinal) || line.Contains("Task.WhenAny(", StringComparison.Ordinal))
            {
                continue;
            }

            if (!EnclosingStatements(lines, index).Any(statement => Waiting.Any(keyword => StartsWithKeyword(statement, keyword))))
            {
                yield return index + 1;
            }
        }
    }

    /// <summary>The first lines of the statements around line <paramref name="index"/>, innermost first.</summary>
    private static IEnumerable<string> EnclosingStatements(string[] lines, int index)
    {
        var indent = Indentation(lines[index]);
        for (var above = index - 1; above >= 0 && indent > 0; above--)
        {
            var text = lines[above].Trim();
            if (text.Length == 0 || text.StartsWith("//", StringComparison.Ordinal) || Indentation(lines[above]) >= indent)
            {
                continue;
            }

            indent = Indentation(lines[above]);
            if (text == "{")
            {
                // The statement the block belongs to: the nearest line above at the brace's indentation (a condition
                // that runs on over several lines is indented further).
                above = Enumerable.Range(0, above).Reverse().FirstOrDefault(
                    line => lines[line].Trim() is { Length: > 0 } header && !header.StartsWith("//", StringComparison.Ordinal) && Indentation(lines[line]) == indent,
                    above);
                text = lines[above].Trim();
            }

            yield return text;
        }
    }

    private static bool StartsWithKeyword(string statement, string keyword) =>
        statement.StartsWith(keyword, StringComparison.Ordinal) && (statement.Length == keyword.Length || !char.IsLetterOrDigit(statement[keyword.Length]));

    private static int Indentation(string line) => line.Length - line.TrimStart().Length;
}
