using System.Collections.Concurrent;
using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.Data.Outbox;
using Digibank.Api.Observability;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Courses;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Api.Tests.Data.Outbox;

/// <summary>
/// One event a consumer cannot handle does not hold back the events after it: after its tries it is set aside, the
/// admin sees it in GraphQL and as a metric, and has it handled again once its cause is mended.
/// </summary>
public sealed class SetAsideTests : IDisposable
{
    private const string SetAsideEvents = "{ setAsideEvents { id consumer sequence eventType attempts lastError } }";

    private const string Retry = """
        mutation ($input: RetrySetAsideEventInput!) { retrySetAsideEvent(input: $input) { setAsideEvent { sequence } errors { ... on Error { code message } } } }
        """;

    private readonly Api _api = new() { Telemetry = new TelemetryCapture() };

    [Fact]
    public async Task An_event_a_consumer_keeps_failing_on_is_set_aside_after_its_tries_and_the_events_after_it_reach_the_consumer()
    {
        var broken = await TestCourses.AddAsync(_api, capacity: 5, title: FragileConsumer.BrokenTitle);
        var fine = await TestCourses.AddAsync(_api, capacity: 5);

        await SignUpAsync(broken, "Ria");
        await SignUpAsync(fine, "Jan");
        await SignUpAsync(fine, "Mieke");

        var consumer = _api.Services.GetServices<IOutboxConsumer>().OfType<FragileConsumer>().Single();
        await UntilAsync(() => consumer.Handled.Count(e => e.CourseTitle != FragileConsumer.BrokenTitle) >= 2, "The sign-ups after the broken one did not reach the consumer");
        var admin = _api.CreateAdminClient();
        var setAside = Assert.Single((await admin.QueryAsync(SetAsideEvents))["setAsideEvents"]!.AsArray());
        Assert.Equal(FragileConsumer.ConsumerName, (string?)setAside!["consumer"]);
        Assert.Equal(nameof(SignUpChanged), (string?)setAside["eventType"]);
        Assert.Equal(5, (int)setAside["attempts"]!);
        Assert.Equal($"InvalidOperationException: {FragileConsumer.Failure}", (string?)setAside["lastError"]);
        Assert.Equal(5, consumer.Tries);

        // The dispatcher's log names the consumer, the event and the error, and holds no stack trace.
        var lines = _api.Telemetry!.Logs.Lines.Where(line => line.Contains(FragileConsumer.ConsumerName, StringComparison.Ordinal)).ToList();
        Assert.Contains(lines, line => line.Contains("set event", StringComparison.Ordinal) && line.Contains("aside after 5 tries", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("   at ", StringComparison.Ordinal));
        var metric = _api.Telemetry.CollectMetrics().Where(m => m.Name == DigibankTelemetry.Instruments.SetAsideEvents).SelectMany(m => m.MetricPoints).ToList();
        Assert.Contains(metric, point => TelemetryCapture.TagsOf(point).Any(tag => (string?)tag.Value == FragileConsumer.ConsumerName) && point.GetSumLong() == 1);
    }

    [Fact]
    public async Task The_admin_retries_a_set_aside_event_it_stays_while_it_fails_and_leaves_the_list_once_handled()
    {
        var broken = await TestCourses.AddAsync(_api, capacity: 5, title: FragileConsumer.BrokenTitle);
        await SignUpAsync(broken, "Ria");
        var admin = _api.CreateAdminClient();
        var consumer = _api.Services.GetServices<IOutboxConsumer>().OfType<FragileConsumer>().Single();
        var id = await UntilSetAsideAsync(admin);
        var input = new { input = new { setAsideEventId = id } };

        var staff = await _api.CreateStaffClient(StaffRole.Staff, "Bibliotheek Poperinge").QueryAsync(Retry, input);
        var coordinator = await _api.CreateStaffClient(StaffRole.Coordinator).QueryAsync(Retry, input);
        var anonymous = await _api.CreateGraphQLClient().PostAsync(Retry, input);
        var stillBroken = await admin.QueryAsync(Retry, input);

        Assert.Equal("NOT_ALLOWED", (string?)staff["retrySetAsideEvent"]!["errors"]![0]!["code"]);
        Assert.Equal("NOT_ALLOWED", (string?)coordinator["retrySetAsideEvent"]!["errors"]![0]!["code"]);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", (string?)anonymous.Body!["errors"]![0]!["extensions"]!["code"]);
        var failedAgain = stillBroken["retrySetAsideEvent"]!["errors"]![0]!;
        Assert.Equal("EVENT_STILL_FAILS", (string?)failedAgain["code"]);
        Assert.Contains(FragileConsumer.Failure, (string?)failedAgain["message"], StringComparison.Ordinal);
        Assert.Single((await admin.QueryAsync(SetAsideEvents))["setAsideEvents"]!.AsArray());

        consumer.Mended = true;
        var retried = await admin.QueryAsync(Retry, input);

        Assert.Empty(retried["retrySetAsideEvent"]!["errors"]!.AsArray());
        Assert.Contains(consumer.Handled, e => e.CourseTitle == FragileConsumer.BrokenTitle);
        Assert.Empty((await admin.QueryAsync(SetAsideEvents))["setAsideEvents"]!.AsArray());
        var again = await admin.QueryAsync(Retry, input);
        Assert.Equal("NOT_FOUND", (string?)again["retrySetAsideEvent"]!["errors"]![0]!["code"]);
    }

    [Fact]
    public async Task Pruning_keeps_a_set_aside_event_in_the_outbox_until_it_was_retried()
    {
        var broken = await TestCourses.AddAsync(_api, capacity: 5, title: FragileConsumer.BrokenTitle);
        await SignUpAsync(broken, "Ria");
        var admin = _api.CreateAdminClient();
        await UntilSetAsideAsync(admin);
        await using var db = _api.CreateDbContext();
        var sequence = await db.SetAsideEvents.Select(e => e.Sequence).SingleAsync();

        _api.Clock.Current += TimeSpan.FromDays(30);
        await _api.Services.GetRequiredService<OutboxDispatcher>().PruneAsync(CancellationToken.None);

        Assert.True(await db.OutboxMessages.AnyAsync(m => m.Id == sequence));
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.Id < sequence));
    }

    public void Dispose() => _api.Dispose();

    private async Task<string> UntilSetAsideAsync(GraphQLTestClient admin)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if ((await admin.QueryAsync(SetAsideEvents))["setAsideEvents"]!.AsArray() is [{ } setAside])
            {
                return (string)setAside["id"]!;
            }

            Assert.True(DateTime.UtcNow < deadline, "The event was not set aside in time.");
            await Task.Delay(50);
        }
    }

    private static async Task UntilAsync(Func<bool> done, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{failure} within 20 s.");
            await Task.Delay(50);
        }
    }

    private async Task SignUpAsync(string course, string firstName)
    {
        var payload = await _api.CreateGraphQLClient().QueryAsync(
            "mutation ($input: SignUpForCourseInput!) { signUpForCourse(input: $input) { errors { ... on Error { code } } } }",
            new { input = new { courseId = course, firstName, email = $"{firstName.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com", municipalityId = await TestCourses.MunicipalityIdAsync(_api), targetGroup = "SENIORS", consent = true } });
        Assert.Empty(payload["signUpForCourse"]!["errors"]!.AsArray());
    }

    /// <summary>A consumer that cannot handle sign-ups for one course until it is mended, as a consumer with a bug would.</summary>
    private sealed class FragileConsumer : IOutboxConsumer
    {
        public const string ConsumerName = "fragile";
        public const string BrokenTitle = "Een cursus die de consumer niet aankan";
        public const string Failure = "This consumer cannot handle this course yet.";

        private int _tries;

        public string Name => ConsumerName;

        public ConcurrentQueue<SignUpChanged> Handled { get; } = new();

        public int Tries => Volatile.Read(ref _tries);

        public volatile bool Mended;

        public Task HandleAsync(IReadOnlyList<OutboxEvent> events, DigibankDbContext db, CancellationToken cancellationToken)
        {
            var signUps = events.Select(e => e.Event).OfType<SignUpChanged>().ToList();
            if (!Mended && signUps.Any(e => e.CourseTitle == BrokenTitle))
            {
                // A try of the event alone; before that it failed in a batch, which is handed over again one event at a time.
                if (events.Count == 1)
                {
                    Interlocked.Increment(ref _tries);
                }

                throw new InvalidOperationException(Failure);
            }

            foreach (var signUp in signUps)
            {
                Handled.Enqueue(signUp);
            }

            return Task.CompletedTask;
        }
    }

    private sealed class Api : DigibankApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Outbox:PollInterval", "00:00:00.050");
            builder.ConfigureServices(services => services.AddOutboxConsumer<FragileConsumer>());
        }
    }
}
