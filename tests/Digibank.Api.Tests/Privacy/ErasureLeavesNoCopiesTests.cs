using System.Text;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Participants;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Courses;
using Digibank.Api.Tests.Notifications;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.Privacy;

/// <summary>After an erasure the person's address is nowhere: not in a mail file, not in the database file's free pages.</summary>
public sealed class ErasureLeavesNoCopiesTests : IDisposable
{
    private readonly DigibankApiFactory _api = new();

    [Fact]
    public async Task Erasing_a_person_removes_their_mail_files_and_the_database_file_no_longer_holds_their_address()
    {
        var address = $"roger-{Guid.NewGuid():N}@example.com";
        var other = $"marleen-{Guid.NewGuid():N}@example.com";
        var course = await TestCourses.AddAsync(_api, capacity: 5);
        await _api.SignUpAsync(course, "Roger", email: address);
        await _api.SignUpAsync(course, "Marleen", email: other);
        await UntilAsync(() => MailFilesTo(address).Count == 1 && MailFilesTo(other).Count == 1);
        int participantId;
        await using (var db = _api.CreateDbContext())
        {
            participantId = await db.Participants.Where(p => p.Email == address).Select(p => p.Id).SingleAsync();
        }

        var erasure = await _api.CreateStaffClient(StaffRole.Coordinator).QueryAsync(
            "mutation ($input: EraseParticipantInput!) { eraseParticipant(input: $input) { errors { ... on Error { code } } } }",
            new { input = new { participantId = GlobalId.Encode(ParticipantType.TypeName, participantId) } });

        Assert.Empty(erasure["eraseParticipant"]!["errors"]!.AsArray());
        Assert.Empty(MailFilesTo(address));
        Assert.Single(MailFilesTo(other));
        await using (var db = _api.CreateDbContext())
        {
            // What SQLite does by itself from time to time: the write-ahead log written back into the file and emptied.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        string file;
        await using (var db = _api.CreateDbContext())
        {
            file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        }

        var bytes = await File.ReadAllBytesAsync(file);
        Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(address)) < 0, "The database file still holds the erased address.");
        Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(other)) >= 0, "The check reads the wrong file.");
    }

    public void Dispose() => _api.Dispose();

    private List<string> MailFilesTo(string address) => Directory.Exists(_api.MailFolder)
        ? [.. Directory.EnumerateFiles(_api.MailFolder, "*.eml").Where(file => File.ReadAllText(file).Contains(address, StringComparison.Ordinal))]
        : [];

    private static async Task UntilAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, "The messages were not written in time.");
            await Task.Delay(50);
        }
    }
}
