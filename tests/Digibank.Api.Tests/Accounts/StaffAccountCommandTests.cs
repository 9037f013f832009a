using System.Net;
using System.Text.RegularExpressions;
using Digibank.Api.Testing;
using Digibank.Api.Tests.Balie;

namespace Digibank.Api.Tests.Accounts;

/// <summary>
/// A region's first coordinator comes from the command line, as README says: the command prints a one-time link
/// (and mails it), and the API, started afterwards on the same database, lets the coordinator in through it.
/// </summary>
public sealed partial class StaffAccountCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("digibank-add-staff-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_first_coordinator_comes_from_the_command_line_and_starts_through_its_one_time_link()
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Digibank"] = $"Data Source={Path.Combine(_folder, "digibank.db")}",
            ["Notifications:MailFolder"] = Path.Combine(_folder, "mail"),
            ["Auth:SigningKey"] = "digibank-command-test-signing-key-of-32-bytes",
        };
        var email = "griet@digibank.test";
        var addStaff = new Dictionary<string, string>(settings) { ["add-staff"] = email, ["name"] = "Griet", ["role"] = "coordinator", ["region"] = "poperinge" };

        var (exitCode, output, errors) = await ApiProcess.RunCommandAsync(addStaff);
        var again = await ApiProcess.RunCommandAsync(addStaff);

        Assert.True(exitCode == 0, errors);
        var link = new Uri(InvitationLink().Match(output).Value);
        Assert.Contains(link.ToString(), string.Concat(Directory.GetFiles(Path.Combine(_folder, "mail")).Select(File.ReadAllText)), StringComparison.Ordinal);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already has an account", again.Errors, StringComparison.Ordinal);

        using var api = await ApiProcess.StartAsync(settings);
        using var browser = new CounterHttpClient(api.Http);
        var chosen = await browser.SubmitAsync(link.PathAndQuery, "wachtwoord",
            new Dictionary<string, string> { ["Form.Password"] = CounterAccounts.Password, ["Form.Repeat"] = CounterAccounts.Password });
        var colleagues = await browser.GetAsync("/balie/medewerkers");

        Assert.Equal("/balie/account?welkom=1", CounterHttpClient.Location(chosen));
        Assert.Equal(HttpStatusCode.OK, colleagues.StatusCode);
        Assert.Contains(email, await colleagues.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"http://\S+/balie/uitnodiging/\S+")]
    private static partial Regex InvitationLink();
}
