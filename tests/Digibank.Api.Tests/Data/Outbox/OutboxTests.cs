using Digibank.Api.Courses;
using Digibank.Api.Data.Outbox;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Municipalities;
using Digibank.Api.Participants;
using Digibank.Api.Sync;
using Digibank.Api.Tests.Courses;
using Digibank.Api.Tests.Dashboard;
using Digibank.Api.Tests.Sync;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Api.Tests.Data.Outbox;

/// <summary>
/// The event pipeline end to end: a change and its events commit or roll back together, and a committed event
/// reaches each consumer once, also when the API stops between the commit and the dispatch and starts again.
/// </summary>
public sealed class OutboxTests : IDisposable
{
    private const string SignUpForCourse = """
        mutation ($input: SignUpForCourseInput!) { signUpForCourse(input: $input) { signUp { id } errors { ... on Error { code } } } }
        """;

    private const string SignUps = "subscription { signUpChanged { kind summary course { id } } }";

    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"digibank-outbox-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task An_event_raised_in_a_rolled_back_transaction_is_never_dispatched()
    {
        using var api = new Api(_databaseFile, dispatch: true);
        var rolledBackCourse = await TestCourses.AddAsync(api, capacity: 5);
        var committedCourse = await TestCourses.AddAsync(api, capacity: 5);
        await using var dashboard = await GraphQLWebSocketClient.ConnectAndInitAsync(api);
        await dashboard.SubscribeAsync("sign-ups", SignUps);
        var rowsBefore = await CountOutboxAsync(api);

        await using (var db = api.CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.SignUps.Add(new SignUp
            {
                CourseId = GlobalId.DecodeFor(CourseType.TypeName, rolledBackCourse),
                Participant = new Participant { FirstName = "Rollback", MunicipalityId = await db.Municipalities.Select(m => m.Id).FirstAsync(), CreatedAt = DigibankApiFactory.Now.UtcDateTime },
                Status = SignUpStatus.Confirmed,
                Channel = SignUpChannel.Web,
                CreatedAt = DigibankApiFactory.Now.UtcDateTime,
                UpdatedAt = DigibankApiFactory.Now.UtcDateTime,
            });
            await db.SaveChangesAsync();
            // Written in the transaction, beside the change...
            Assert.Equal(rowsBefore + 2, await db.OutboxMessages.CountAsync());
            await transaction.RollbackAsync();
        }

        // ...and gone with it.
        Assert.Equal(rowsBefore, await CountOutboxAsync(api));
        var committed = await SignUpAsync(api, committedCourse, "Commit");
        var first = (await dashboard.NextAsync("sign-ups"))["payload"]!["data"]!["signUpChanged"]!;
        Assert.Equal(committedCourse, (string?)first["course"]!["id"]);
        var partner = await PartnerSyncClient.ForAsync(api, "bib-poperinge");
        var feed = await partner.ChangesAsync();
        var committedExternalId = await ExternalIdAsync(api, committedCourse);
        Assert.Equal(committed, Assert.Single(feed, c => c.CourseExternalId == committedExternalId).SignUpId);
        Assert.DoesNotContain(feed, c => c.FirstName == "Rollback");
    }

    [Fact]
    public async Task A_committed_event_is_dispatched_exactly_once_when_the_API_stops_between_commit_and_dispatch()
    {
        string course, signUp, laterCourse;
        long sequence;
        using (var first = new Api(_databaseFile, dispatch: false))
        {
            course = await TestCourses.AddAsync(first, capacity: 5);
            laterCourse = await TestCourses.AddAsync(first, capacity: 5);
            signUp = await SignUpAsync(first, course, "Ria");
            await using var db = first.CreateDbContext();
            sequence = await db.OutboxMessages.MaxAsync(m => m.Id);
            Assert.False(await db.ConsumerPositions.AnyAsync(p => p.Sequence >= sequence));
        }

        // A new API on the same database: the dashboard subscribes before the dispatcher runs.
        using (var second = new Api(_databaseFile, dispatch: false))
        {
            await using var dashboard = await GraphQLWebSocketClient.ConnectAndInitAsync(second);
            await dashboard.SubscribeAsync("sign-ups", SignUps);
            var dispatcher = second.Services.GetRequiredService<OutboxDispatcher>();
            Assert.True(await dispatcher.DispatchAsync(CancellationToken.None));
            while (await dispatcher.DispatchAsync(CancellationToken.None))
            {
            }

            var delivered = (await dashboard.NextAsync("sign-ups"))["payload"]!["data"]!["signUpChanged"]!;
            Assert.Equal("SIGN_UP", (string?)delivered["kind"]);
            Assert.Equal(course, (string?)delivered["course"]!["id"]);
            Assert.False(await dispatcher.DispatchAsync(CancellationToken.None));
            await using var db = second.CreateDbContext();
            Assert.All(await db.ConsumerPositions.ToListAsync(), p => Assert.True(p.Sequence >= sequence));
            Assert.Single(await FeedForAsync(second, signUp));
        }

        // And again, now with the dispatcher running: nothing is handed over a second time.
        using var third = new Api(_databaseFile, dispatch: true);
        await using var again = await GraphQLWebSocketClient.ConnectAndInitAsync(third);
        await again.SubscribeAsync("sign-ups", SignUps);
        var later = await SignUpAsync(third, laterCourse, "Staf");
        var next = (await again.NextAsync("sign-ups"))["payload"]!["data"]!["signUpChanged"]!;
        Assert.Equal(laterCourse, (string?)next["course"]!["id"]);
        Assert.Single(await FeedForAsync(third, signUp));
        Assert.Single(await FeedForAsync(third, later));
    }

    [Fact]
    public async Task Pruning_deletes_old_events_every_consumer_handled_and_keeps_the_rest()
    {
        using var api = new Api(_databaseFile, dispatch: false);
        var course = await TestCourses.AddAsync(api, capacity: 5);
        await SignUpAsync(api, course, "Oud");
        await SignUpAsync(api, course, "Ouder");
        var dispatcher = api.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchAsync(CancellationToken.None))
        {
        }

        await SignUpAsync(api, course, "Nieuw");
        List<long> all, ours;
        await using (var db = api.CreateDbContext())
        {
            // The demo region's sign-ups went through the outbox too; this test's three sign-ups raised two events each.
            all = await db.OutboxMessages.OrderBy(m => m.Id).Select(m => m.Id).ToListAsync();
            ours = all[^6..];
            // The partner feed lags behind: it has handled the first of them only.
            await db.ConsumerPositions.Where(p => p.Consumer == SignUpFeed.ConsumerName).ExecuteUpdateAsync(p => p.SetProperty(x => x.Sequence, ours[1]));
        }

        Assert.Equal(0, await dispatcher.PruneAsync(CancellationToken.None));
        api.Clock.Current += TimeSpan.FromDays(8);
        var pruned = await dispatcher.PruneAsync(CancellationToken.None);

        Assert.Equal(all.Count - 4, pruned);
        await using var after = api.CreateDbContext();
        Assert.Equal(ours[2..], await after.OutboxMessages.OrderBy(m => m.Id).Select(m => m.Id).ToListAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databaseFile, _databaseFile + "-wal", _databaseFile + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static async Task<string> SignUpAsync(DigibankApiFactory api, string courseId, string firstName)
    {
        var data = await api.CreateGraphQLClient().QueryAsync(SignUpForCourse, new
        {
            input = new { courseId, firstName, email = $"{firstName.ToLowerInvariant()}@example.com", municipalityId = await TestCourses.MunicipalityIdAsync(api), targetGroup = "SENIORS", consent = true },
        });
        Assert.Empty(data["signUpForCourse"]!["errors"]!.AsArray());
        return (string)data["signUpForCourse"]!["signUp"]!["id"]!;
    }

    private static async Task<int> CountOutboxAsync(DigibankApiFactory api)
    {
        await using var db = api.CreateDbContext();
        return await db.OutboxMessages.CountAsync();
    }

    private static async Task<string> ExternalIdAsync(DigibankApiFactory api, string courseId)
    {
        await using var db = api.CreateDbContext();
        var id = GlobalId.DecodeFor(CourseType.TypeName, courseId);
        return await db.Courses.Where(c => c.Id == id).Select(c => c.ExternalId).SingleAsync();
    }

    private static async Task<List<Digibank.Partners.V1.SignUpChangeEvent>> FeedForAsync(DigibankApiFactory api, string signUpId)
    {
        var partner = await PartnerSyncClient.ForAsync(api, "bib-poperinge");
        return [.. (await partner.ChangesAsync()).Where(c => c.SignUpId == signUpId)];
    }

    /// <summary>The API on a database file that outlives it, with the dispatcher on or off.</summary>
    private sealed class Api(string databaseFile, bool dispatch) : DigibankApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Digibank", $"Data Source={databaseFile}");
            builder.UseSetting("Outbox:Dispatch", dispatch.ToString());
        }
    }
}
