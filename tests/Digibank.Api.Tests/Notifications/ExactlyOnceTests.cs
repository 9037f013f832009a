using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Digibank.Api.Notifications;
using Digibank.Api.Participants;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Staff;
using Digibank.Api.Testing;
using Digibank.Api.Tests.Courses;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Digibank.Api.Tests.Notifications;

/// <summary>
/// Every resident is told once: a person erased in the middle of a sending round, or the API killed in the middle of
/// one, never makes the others' messages go out twice.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class ExactlyOnceTests : IDisposable
{
    private const int People = 40;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"digibank-once-{Guid.NewGuid():N}.db");
    private readonly string _mailFolder = Path.Combine(Path.GetTempPath(), $"digibank-once-mail-{Guid.NewGuid():N}");
    private readonly SmtpTestServer _smtp = new();

    [Fact]
    public async Task Erasing_a_person_in_the_middle_of_a_sending_round_sends_everyone_else_one_e_mail_and_them_none()
    {
        using var api = new NotificationsApiFactory();
        var course = await TestCourses.AddAsync(api, capacity: People + 1);
        var addresses = Enumerable.Range(1, People).Select(i => $"bewoner-{i}-{Guid.NewGuid():N}@example.com").ToList();

        // A first message held at the mail server keeps the sender in its round while the forty are written...
        api.Smtp.HoldAfter(0);
        await api.SignUpAsync(course, "Wout", email: $"wout-{Guid.NewGuid():N}@example.com");
        await UntilAsync(() => Task.FromResult(api.Smtp.Holding), "The first message did not reach the mail server");
        foreach (var address in addresses)
        {
            await api.SignUpAsync(course, "Bewoner", email: address);
        }

        await UntilAsync(async () =>
        {
            await using var db = api.CreateDbContext();
            return await db.Notifications.CountAsync(n => addresses.Contains(n.Recipient!) && n.Status == NotificationStatus.Pending) == People;
        }, "The forty messages were not written");

        // ...so the next round takes all forty; it is held again after the first of them.
        api.Smtp.HoldAfter(2);
        await UntilAsync(() => Task.FromResult(api.Smtp.Holding && api.Smtp.Count == 2), "The next round did not start");
        int erased;
        await using (var db = api.CreateDbContext())
        {
            erased = await db.Participants.Where(p => p.Email == addresses[19]).Select(p => p.Id).SingleAsync();
        }

        var erasure = await api.CreateStaffClient(StaffRole.Coordinator).QueryAsync(
            "mutation ($input: EraseParticipantInput!) { eraseParticipant(input: $input) { errors { ... on Error { code } } } }",
            new { input = new { participantId = GlobalId.Encode(ParticipantType.TypeName, erased) } });
        Assert.Empty(erasure["eraseParticipant"]!["errors"]!.AsArray());
        api.Smtp.Release();

        await UntilAsync(async () =>
        {
            await using var db = api.CreateDbContext();
            return !await db.Notifications.AnyAsync(n => n.Status == NotificationStatus.Pending);
        }, "The messages were not all sent");
        await api.Services.GetRequiredService<NotificationSender>().SendDueAsync(CancellationToken.None);
        Assert.Empty(api.Smtp.To(addresses[19]));
        Assert.All(addresses.Where((_, i) => i != 19), address => Assert.Single(api.Smtp.To(address)));
    }

    [Fact]
    public async Task After_a_kill_in_the_middle_of_a_round_the_restarted_API_sends_each_message_once_with_the_same_Message_ID()
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Digibank"] = $"Data Source={_databaseFile}",
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = $"{_smtp.Port}",
            ["Notifications:Smtp:Security"] = "None",
            ["Notifications:PollInterval"] = "00:00:00.100",
            ["Notifications:MailFolder"] = _mailFolder,
            ["Auth:SigningKey"] = "digibank-tests-signing-key-of-at-least-32-bytes",
        };
        var addresses = Enumerable.Range(1, People).Select(i => $"bewoner-{i}-{Guid.NewGuid():N}@example.com").ToList();
        using (var first = await ApiProcess.StartAsync(settings))
        {
            _smtp.HoldAfter(0);
            await SignUpAsync(first, addresses);
            await UntilAsync(async () => _smtp.Holding && await PendingAsync() >= People, "The messages were not written");

            // The mail server accepts ten messages and holds the eleventh in the middle of its transfer; then the API is killed.
            _smtp.HoldAfter(10);
            await UntilAsync(() => Task.FromResult(_smtp.Holding && _smtp.Count == 10), $"The mail server did not get ten messages:\n{first.Output}");
            first.Kill();
        }

        _smtp.Release();
        using var second = await ApiProcess.StartAsync(settings);
        await UntilAsync(async () => await PendingAsync() == 0 && _smtp.Count >= People, $"The messages were not all sent after the restart:\n{second.Output}");

        // Each resident got one message, however often it arrived: a repeat carries the same Message-ID, which a mail
        // server or reader drops.
        var received = addresses.ToDictionary(address => address, address => _smtp.To(address));
        Assert.All(received, each => Assert.Single(each.Value.Select(message => message.MessageId).Distinct()));

        // Only the message the mail server had in its hands at the kill can arrive twice: it received all of it, and the
        // API never heard that it was accepted. Every message accepted before was recorded as sent at once.
        var repeats = received.Sum(each => each.Value.Count - 1);
        Assert.True(repeats <= 1, $"{repeats} messages arrived twice.");
        Assert.All(_smtp.Received, message => Assert.EndsWith("@poperinge.example", message.MessageId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_a_kill_in_the_middle_of_a_round_the_mail_files_written_before_it_are_not_written_again()
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Digibank"] = $"Data Source={_databaseFile}",
            ["Notifications:PollInterval"] = "00:00:00.100",
            ["Notifications:MailFolder"] = _mailFolder,
            ["Auth:SigningKey"] = "digibank-tests-signing-key-of-at-least-32-bytes",
        };
        var addresses = Enumerable.Range(1, 4 * People).Select(i => $"bewoner-{i}-{Guid.NewGuid():N}@example.com").ToList();
        Dictionary<string, (DateTime WrittenAt, byte[] Content)> before;
        using (var first = await ApiProcess.StartAsync(settings))
        {
            var signingUp = SignUpAsync(first, addresses);
            await UntilAsync(() => Task.FromResult(Files().Count >= People), $"No messages were written:\n{first.Output}");
            first.Kill();
            try
            {
                await signingUp;
            }
            catch (HttpRequestException)
            {
                // The API was killed while residents were still signing up.
            }

            before = Files().ToDictionary(file => file, file => (File.GetLastWriteTimeUtc(file), File.ReadAllBytes(file)));
        }

        using var second = await ApiProcess.StartAsync(settings);
        await UntilAsync(async () => await PendingAsync() == 0, $"The messages were not all written after the restart:\n{second.Output}");

        Assert.All(before, file =>
        {
            Assert.Equal(file.Value.WrittenAt, File.GetLastWriteTimeUtc(file.Key));
            Assert.Equal(file.Value.Content, File.ReadAllBytes(file.Key));
        });
        var recipients = Files().Select(file => MimeMessage.Load(file).To.Mailboxes.Single().Address).ToList();
        Assert.Equal(recipients.Count, recipients.Distinct().Count());
        Assert.Empty(Directory.EnumerateFiles(_mailFolder, "*.partial"));
    }

    public void Dispose()
    {
        _smtp.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databaseFile, _databaseFile + "-wal", _databaseFile + "-shm" })
        {
            File.Delete(file);
        }

        if (Directory.Exists(_mailFolder))
        {
            Directory.Delete(_mailFolder, recursive: true);
        }
    }

    private List<string> Files() => Directory.Exists(_mailFolder) ? [.. Directory.EnumerateFiles(_mailFolder, "*.eml")] : [];

    private async Task<long> PendingAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_databaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"Notifications\" WHERE \"Status\" = 'Pending' AND \"Channel\" = 'Email'";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Signs each address up, on the waiting list when the course is full: each is told something.</summary>
    private static async Task SignUpAsync(ApiProcess api, IEnumerable<string> addresses)
    {
        using var http = new HttpClient { BaseAddress = api.Http };
        var found = await QueryAsync(http, "{ courses(first: 1, where: { seatsLeft: { gt: 0 } }) { nodes { id } } municipalities(first: 1) { nodes { id } } }", null);
        var course = (string)found["courses"]!["nodes"]![0]!["id"]!;
        var town = (string)found["municipalities"]!["nodes"]![0]!["id"]!;
        foreach (var email in addresses)
        {
            var payload = await QueryAsync(http, Residents.SignUpMutation, new
            {
                input = new { courseId = course, firstName = "Bewoner", email, municipalityId = town, targetGroup = "SENIORS", consent = true, joinWaitingList = true },
            });
            Assert.Empty(payload["signUpForCourse"]!["errors"]!.AsArray());
        }
    }

    private static async Task<JsonNode> QueryAsync(HttpClient http, string query, object? variables)
    {
        using var response = await http.PostAsJsonAsync("/graphql", new { query, variables });
        var body = await response.Content.ReadFromJsonAsync<JsonNode>();
        Assert.True(body!["errors"] is null, body.ToJsonString());
        return body["data"]!;
    }

    private static async Task UntilAsync(Func<Task<bool>> done, string failure)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{failure} within {Patience.TotalSeconds} s.");
            await Task.Delay(50);
        }
    }
}
