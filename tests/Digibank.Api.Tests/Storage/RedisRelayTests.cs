using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Digibank.Api.Tests.Courses;
using Digibank.Api.Testing;
using Digibank.Api.Tests.Dashboard;

namespace Digibank.Api.Tests.Storage;

/// <summary>
/// Two API instances on one PostgreSQL database with Redis between them. The outbox poll is set to ten minutes,
/// so an event on the other instance can only have come through Redis, or through the catch-up Redis triggers
/// when it comes back.
/// </summary>
public sealed class RedisRelayTests : IDisposable
{
    private const string SignUp = "mutation ($input: SignUpForCourseInput!) { signUpForCourse(input: $input) { errors { ... on Error { code } } } }";

    private readonly RedisServer? _redis;
    private readonly PostgreSqlApiFactory? _first;
    private readonly PostgreSqlApiFactory? _second;

    public RedisRelayTests()
    {
        if (PostgreSqlServer.AdminConnectionString is null || RedisServer.Executable is null)
        {
            return;
        }

        _redis = new RedisServer();
        _first = new PostgreSqlApiFactory { Settings = { ["Redis:Configuration"] = _redis.Configuration, ["Outbox:PollInterval"] = "00:10:00" } };
        _ = _first.Server;
        _second = _first.SecondInstance();
    }

    private PostgreSqlApiFactory First => _first!;

    private PostgreSqlApiFactory Second => _second!;

    [PostgreSqlAndRedisFact]
    public async Task A_sign_up_on_one_instance_reaches_a_dashboard_on_the_other_once()
    {
        var course = await TestCourses.AddAsync(First, capacity: 20);
        await using var dashboard = await DashboardOnAsync(Second);

        await SignUpAsync(course, 1);

        await dashboard.WaitForAsync(1, TimeSpan.FromSeconds(10));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, dashboard.SignUps);
    }

    [PostgreSqlAndRedisFact]
    public async Task An_instance_that_starts_while_Redis_is_away_starts_and_relays_once_Redis_is_there()
    {
        var course = await TestCourses.AddAsync(First, capacity: 20);
        _redis!.Stop();
        using var late = First.SecondInstance();
        _ = late.Server;
        _redis.Start();
        await using var dashboard = await DashboardOnAsync(late);

        await SignUpAsync(course, 1);

        // Relayed by Redis, or read from the outbox when the late instance's subscription is in place: either way once.
        await dashboard.WaitForAsync(1, TimeSpan.FromSeconds(15));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, dashboard.SignUps);
    }

    [PostgreSqlAndRedisFact]
    public async Task When_Redis_is_away_for_ten_seconds_under_a_stream_of_sign_ups_the_other_dashboard_gets_every_one_once_after_it_returns()
    {
        const int signUps = 30;
        var course = await TestCourses.AddAsync(First, capacity: 100);
        await using var dashboard = await DashboardOnAsync(Second);
        var received = new List<int>();

        for (var person = 1; person <= signUps; person++)
        {
            if (person == 6)
            {
                _redis!.Stop();
            }

            await SignUpAsync(course, person);
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            received.Add(dashboard.SignUps);
            if (person == 26)
            {
                _redis!.Start();
            }
        }

        await dashboard.WaitForAsync(signUps, TimeSpan.FromSeconds(15));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.True(dashboard.SignUps == signUps, $"The other dashboard had {dashboard.SignUps} of {signUps} sign-ups; after each: [{string.Join(", ", received)}]");
        // While Redis was away (sign-ups 6 to 26) nothing reached the other instance: the ten-minute poll did not run.
        Assert.True(received[24] <= 5, $"During the outage the other dashboard had {received[24]} sign-ups: [{string.Join(", ", received)}]");
    }

    public void Dispose()
    {
        _second?.Dispose();
        _first?.Dispose();
        _redis?.Dispose();
    }

    private async Task SignUpAsync(string course, int person)
    {
        var payload = await First.CreateGraphQLClient().QueryAsync(SignUp, new
        {
            input = new { courseId = course, firstName = "Persoon", email = $"redis{person}-{Guid.NewGuid():N}@example.com", municipalityId = await TestCourses.MunicipalityIdAsync(First), targetGroup = "EVERYONE", consent = true },
        });
        Assert.Empty(payload["signUpForCourse"]!["errors"]!.AsArray());
    }

    private static async Task<Dashboard> DashboardOnAsync(DigibankApiFactory instance)
    {
        var client = await GraphQLWebSocketClient.ConnectAndInitAsync(instance);
        await client.SubscribeAsync("signups", "subscription { signUpChanged { kind } }");
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

        public int SignUps => _messages.Count(m => (string?)m["type"] == "next" && (string?)m["payload"]?["data"]?["signUpChanged"]?["kind"] == "SIGN_UP");

        public async Task WaitForAsync(int count, TimeSpan patience)
        {
            var deadline = DateTime.UtcNow + patience;
            while (SignUps < count && DateTime.UtcNow < deadline)
                await Task.Delay(50);
        }

        public async ValueTask DisposeAsync()
        {
            await _client.DisposeAsync();
            await Task.WhenAny(_reading, Task.Delay(TimeSpan.FromSeconds(5)));
        }
    }
}
