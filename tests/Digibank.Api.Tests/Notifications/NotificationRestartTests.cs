using Digibank.Api.Testing;
using Digibank.Api.Notifications;
using Digibank.Api.Tests.Courses;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.Notifications;

/// <summary>The API stops after a message was written and before it went out: the next start sends it, once.</summary>
public sealed class NotificationRestartTests : IDisposable
{
    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"digibank-notifications-{Guid.NewGuid():N}.db");
    private readonly SmtpTestServer _smtp = new();

    [Fact]
    public async Task A_message_written_before_a_stop_is_sent_exactly_once_after_the_restart()
    {
        var email = $"restart-{Guid.NewGuid():N}@example.com";
        using (var first = new Api(_databaseFile, _smtp, reachable: false))
        {
            var course = await TestCourses.AddAsync(first, capacity: 5);
            var payload = await first.CreateGraphQLClient().QueryAsync(
                "mutation ($input: SignUpForCourseInput!) { signUpForCourse(input: $input) { errors { ... on Error { code } } } }",
                new { input = new { courseId = course, firstName = "Ria", email, municipalityId = await TestCourses.MunicipalityIdAsync(first), targetGroup = "SENIORS", consent = true } });
            Assert.Empty(payload["signUpForCourse"]!["errors"]!.AsArray());
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (!await WaitingAsync(first, email))
            {
                Assert.True(DateTime.UtcNow < deadline, "The message was not written and tried in time.");
                await Task.Delay(50);
            }
        }

        using var second = new Api(_databaseFile, _smtp, reachable: true);
        second.Clock.Current += TimeSpan.FromHours(1);
        _ = second.Server;
        var until = DateTime.UtcNow.AddSeconds(20);
        while (_smtp.To(email).Count == 0)
        {
            Assert.True(DateTime.UtcNow < until, "The message was not sent after the restart.");
            await Task.Delay(50);
        }

        await second.UntilQuietAsync();
        Assert.Single(_smtp.To(email));
        await using var db = second.CreateDbContext();
        Assert.Equal(NotificationStatus.Sent, (await db.Notifications.SingleAsync(n => n.Recipient == email)).Status);
    }

    public void Dispose()
    {
        _smtp.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databaseFile, _databaseFile + "-wal", _databaseFile + "-shm" })
            File.Delete(file);
    }

    private static async Task<bool> WaitingAsync(DigibankApiFactory api, string email)
    {
        await using var db = api.CreateDbContext();
        return await db.Notifications.AnyAsync(n => n.Recipient == email && n.Status == NotificationStatus.Pending && n.Attempts == 1 && n.LastError != null);
    }

    /// <summary>A port nothing listens on: taken from the system and given back at once, so a connection is refused.</summary>
    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The API on a database file that outlives it; its mail server refuses connections or is the test's.</summary>
    private sealed class Api(string databaseFile, SmtpTestServer smtp, bool reachable) : DigibankApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Digibank", $"Data Source={databaseFile}");
            builder.UseSetting("Notifications:Smtp:Host", "127.0.0.1");
            builder.UseSetting("Notifications:Smtp:Port", reachable ? $"{smtp.Port}" : $"{ClosedPort()}");
            builder.UseSetting("Notifications:Smtp:Security", "None");
            builder.UseSetting("Notifications:PollInterval", "00:00:00.100");
        }
    }
}
