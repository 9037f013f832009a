using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Digibank.Api.Tests.Courses;
using Digibank.Api.Tests.Dashboard;
using Digibank.Api.Data.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Api.Tests.Storage;

/// <summary>
/// Two API instances on one PostgreSQL database with Redis between them. The outbox poll is set to ten minutes,
/// so an event on the other instance can only have come through Redis, or through the catch-up Redis triggers
/// when it comes back.
/// </summary>
public sealed class RedisRelayTests : IDisposable
{
    private const string SignUp = "mutation ($input: SignUpForCourseInput!) { signUpForCourse(input: $input) { errors { ... on Error { code } } } }";

    private readonly InstancesWithRedis? _instances = InstancesWithRedis.StartIfAvailable();

    private PostgreSqlApiFactory First => _instances!.First;

    private PostgreSqlApiFactory Second => _instances!.Second;

    [PostgreSqlAndRedisFact]
    public async Task A_sign_up_on_one_instance_reaches_a_dashboard_on_the_other_once()
    {
        var course = await TestCourses.AddAsync(First, capacity: 20);
        await using var dashboard = await DashboardOnAsync(Second);

        await SignUpAsync(course, 1);

        await dashboard.WaitForAsync(course, 1, TimeSpan.FromSeconds(10));
        await UntilNothingMoreIsOnItsWayAsync(Second, dashboard);
        Assert.Equal(1, dashboard.SignUpsFor(course));
    }

    [PostgreSqlAndRedisFact]
    public async Task An_instance_that_starts_while_Redis_is_away_starts_and_relays_once_Redis_is_there()
    {
        var course = await TestCourses.AddAsync(First, capacity: 20);
        _instances!.Redis.Stop();
        using var late = First.SecondInstance();
        _ = late.Server;
        _instances!.Redis.Start();
        await using var dashboard = await DashboardOnAsync(late);

        await SignUpAsync(course, 1);

        // Relayed by Redis, or read from the outbox when the late instance's subscription is in place: either way once.
        await dashboard.WaitForAsync(course, 1, TimeSpan.FromSeconds(15));
        await UntilNothingMoreIsOnItsWayAsync(late, dashboard);
        Assert.Equal(1, dashboard.SignUpsFor(course));
    }

    [PostgreSqlAndRedisFact]
    public async Task When_Redis_is_away_under_a_stream_of_sign_ups_the_other_dashboard_gets_every_one_once_after_it_returns()
    {
        const int signUps = 30;
        var course = await TestCourses.AddAsync(First, capacity: 100);
        await using var dashboard = await DashboardOnAsync(Second);

        for (var person = 1; person <= 5; person++)
        {
            await SignUpAsync(course, person);
            await dashboard.WaitForAsync(course, person, TimeSpan.FromSeconds(10));
        }

        _instances!.Redis.Stop();
        await UntilAsync(() => !RelayOf(First).IsConnected && !RelayOf(Second).IsConnected, "An instance did not notice that Redis went away.");
        for (var person = 6; person <= 26; person++)
        {
            await SignUpAsync(course, person);
        }

        // Nothing reached the other instance while Redis was away: its ten-minute poll did not run, so what it gets
        // from here on comes through Redis's return.
        Assert.Equal(5, dashboard.SignUpsFor(course));
        _instances!.Redis.Start();
        for (var person = 27; person <= signUps; person++)
        {
            await SignUpAsync(course, person);
        }

        await dashboard.WaitForAsync(course, signUps, TimeSpan.FromSeconds(15));
        await UntilNothingMoreIsOnItsWayAsync(Second, dashboard);
        Assert.Equal(signUps, dashboard.SignUpsFor(course));
    }

    public void Dispose()
    {
        _instances?.Dispose();
    }

    private async Task SignUpAsync(string course, int person)
    {
        var payload = await First.CreateGraphQLClient().QueryAsync(SignUp, new
        {
            input = new { courseId = course, firstName = "Persoon", email = $"redis{person}-{Guid.NewGuid():N}@example.com", municipalityId = await TestCourses.MunicipalityIdAsync(First), targetGroup = "EVERYONE", consent = true },
        });
        Assert.Empty(payload["signUpForCourse"]!["errors"]!.AsArray());
    }

    /// <summary>
    /// Proves that no more sign-ups are on their way to <paramref name="dashboard"/>: its instance reads the outbox once
    /// more, as the catch-up after Redis returns does, and then a sign-up for another course is made on the first
    /// instance. An instance hands events to its dashboards in sequence order, so once that later sign-up is in,
    /// whatever Redis or the outbox still held for the dashboard is in too.
    /// </summary>
    private async Task UntilNothingMoreIsOnItsWayAsync(DigibankApiFactory instance, Dashboard dashboard)
    {
        await instance.Services.GetRequiredService<OutboxDispatcher>().DispatchAsync(CancellationToken.None);
        var marker = await TestCourses.AddAsync(First, capacity: 20);
        await SignUpAsync(marker, 0);
        await dashboard.WaitForAsync(marker, 1, TimeSpan.FromSeconds(15));
    }

    private static RedisOutboxRelay RelayOf(DigibankApiFactory instance) => instance.Services.GetRequiredService<RedisOutboxRelay>();

    private static async Task UntilAsync(Func<bool> done, string failure, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(15));
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(50);
        }
    }

    private static async Task<Dashboard> DashboardOnAsync(DigibankApiFactory instance)
    {
        var client = await GraphQLWebSocketClient.ConnectAndInitAsync(instance);
        await client.SubscribeAsync("signups", "subscription { signUpChanged { kind course { id } } }");
        return new Dashboard(client);
    }

    /// <summary>A dashboard's socket, read in the background, counting new sign-ups as they arrive.</summary>
    private sealed class Dashboard : IAsyncDisposable
    {
        private readonly GraphQLWebSocketClient _client;
        private readonly ConcurrentQueue<JsonNode> _messages = new();
        private readonly Task _reading;

        public Dashboard(GraphQLWebSocketClient client)
        {
            _client = client;
            _reading = Task.Run(async () =>
            {
                while (await _client.ReceiveAsync(TimeSpan.FromMinutes(2)) is { } message)
                    _messages.Enqueue(message);
            });
        }

        public int SignUpsFor(string course) => _messages.Count(m => (string?)m["type"] == "next"
            && (string?)m["payload"]?["data"]?["signUpChanged"]?["kind"] == "SIGN_UP"
            && (string?)m["payload"]?["data"]?["signUpChanged"]?["course"]?["id"] == course);

        public Task WaitForAsync(string course, int count, TimeSpan patience) =>
            UntilAsync(() => SignUpsFor(course) >= count, $"The dashboard had {SignUpsFor(course)} of {count} sign-ups for {course} after {patience.TotalSeconds} s.", patience);

        public async ValueTask DisposeAsync()
        {
            await _client.DisposeAsync();
            await Task.WhenAny(_reading, Task.Delay(TimeSpan.FromSeconds(5)));
        }
    }
}
