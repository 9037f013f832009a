using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Digibank.Api.GraphQL.Relay;
using Npgsql;
using static Digibank.Bench.FlandersBenchmark;

namespace Digibank.Bench;

/// <summary>
/// One coordinator's dashboard per region, subscribed at once over graphql-transport-ws to
/// <c>dashboardEvents(region: "&lt;code&gt;")</c> with that region's coordinator token, while sign-ups arrive in every
/// region in turn through the public <c>signUpForCourse</c>: each event must reach its own region's dashboard and no
/// other (counted), and the time from the sign-up's commit to its delivery is taken.
/// </summary>
internal static class FlandersDashboards
{
    private const int SignUpsPerRegion = 2;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>After this many events in a row that never reached their dashboard, the rest would only wait as long.</summary>
    private const int MissesBeforeGivingUp = 3;

    public static async Task MeasureAsync(FlandersSite flanders, List<(int Id, string Code)> regions, FlandersReport report, List<string> failures)
    {
        var targets = await TargetsAsync(flanders.ConnectionString);
        var regionOfCourse = targets.ToDictionary(target => GlobalId.Encode("Course", target.Value.CourseId), target => target.Key);
        var dashboards = new List<Dashboard>();
        try
        {
            foreach (var (id, code) in regions)
            {
                dashboards.Add(await Dashboard.ConnectAsync(flanders, id, code, regionOfCourse, failures));
            }

            Console.WriteLine($"{dashboards.Count} dashboards subscribed; {SignUpsPerRegion} sign-ups per region follow");
            using var commits = new CommitClock();
            var latencies = new List<double>();
            var missing = 0;
            for (var index = 0; index < regions.Count * SignUpsPerRegion; index++)
            {
                var dashboard = dashboards[index % dashboards.Count];
                var (courseId, townId) = targets[dashboard.RegionId];
                var start = Stopwatch.GetTimestamp();
                var error = await SignUpAsync(flanders, GlobalId.Encode("Course", courseId), GlobalId.Encode("Municipality", townId), $"{dashboard.RegionId}-{index}");
                if (error is not null)
                {
                    failures.Add($"signUpForCourse in {dashboard.Code}: {error}");
                    break;
                }

                if (await dashboard.ArrivalOfAsync(GlobalId.Encode("Course", courseId)) is { } arrival)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(commits.FirstCommitAfter(start), arrival).TotalMilliseconds);
                }
                else if ((++missing >= MissesBeforeGivingUp && latencies.Count == 0) || missing >= MissesBeforeGivingUp * 3)
                {
                    failures.Add($"dashboards: gave up after {index + 1} sign-ups, {missing} of them never reached their region's dashboard");
                    break;
                }
            }

            var figures = new DashboardFigures(dashboards.Count, regions.Count * SignUpsPerRegion, latencies.Count, missing,
                dashboards.Sum(dashboard => dashboard.Misdelivered), FlandersSite.Percentile(latencies, 50), FlandersSite.Percentile(latencies, 95));
            report.Dashboards = figures;
            Console.WriteLine($"dashboards: {figures.Delivered} of {figures.SignUps} delivered to their region, {figures.Missing} missing, {figures.Misdelivered} misdelivered; commit to delivery p50 {Ms(figures.P50)} p95 {Ms(figures.P95)}");
            if (figures.Misdelivered > 0 || figures.Missing > 0)
            {
                failures.Add($"dashboards: {figures.Misdelivered} events reached another region's dashboard, {figures.Missing} never reached their own");
            }
        }
        finally
        {
            foreach (var dashboard in dashboards)
                await dashboard.DisposeAsync();
        }
    }

    /// <summary>Per generated region, a course that still takes sign-ups for days, and one of its towns.</summary>
    private static async Task<Dictionary<int, (int CourseId, int TownId)>> TargetsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT DISTINCT ON ("RegionId") "RegionId", "Id", "MunicipalityId" FROM "Courses"
            WHERE "Status" = 'Scheduled' AND "SignUpDeadline" > now() + interval '1 day' AND "RegionId" <> 1
            ORDER BY "RegionId", "Capacity" DESC, "Id"
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var targets = new Dictionary<int, (int, int)>();
        while (await reader.ReadAsync())
        {
            targets[reader.GetInt32(0)] = (reader.GetInt32(1), reader.GetInt32(2));
        }

        return targets;
    }

    private static async Task<string?> SignUpAsync(FlandersSite site, string courseId, string townId, string person)
    {
        var body = FlandersSite.Body(
            "mutation ($input: SignUpForCourseInput!) { signUpForCourse(input: $input) { errors { __typename } } }",
            new { input = new { courseId, firstName = "Bench", email = $"flanders-{person}@example.com", municipalityId = townId, targetGroup = "EVERYONE", consent = true } });
        var (answer, _, _) = await site.AskAsync(body);
        return FlandersSite.ErrorOf(answer)
            ?? (answer["data"]!["signUpForCourse"]!["errors"] is JsonArray { Count: > 0 } errors ? errors.ToJsonString() : null);
    }

    /// <summary>One coordinator's dashboard: a socket, what it got for which course, and what it got of other regions.</summary>
    private sealed class Dashboard : IAsyncDisposable
    {
        private readonly ClientWebSocket _socket = new();
        private readonly Channel<(string CourseId, long At)> _signUps = Channel.CreateUnbounded<(string, long)>();
        private readonly CancellationTokenSource _stop = new();
        private Task _reader = Task.CompletedTask;
        private int _misdelivered;

        private Dashboard(int regionId, string code) => (RegionId, Code) = (regionId, code);

        public int RegionId { get; }

        public string Code { get; }

        public int Misdelivered => Volatile.Read(ref _misdelivered);

        public static async Task<Dashboard> ConnectAsync(FlandersSite site, int regionId, string code, Dictionary<string, int> regionOfCourse, List<string> failures)
        {
            var dashboard = new Dashboard(regionId, code);
            dashboard._socket.Options.AddSubProtocol("graphql-transport-ws");
            dashboard._socket.Options.SetRequestHeader("Authorization", $"Bearer {site.Coordinator(regionId)}");
            await dashboard._socket.ConnectAsync(new Uri($"ws://{site.Api.Http.Authority}/graphql"), CancellationToken.None);
            await dashboard.SendAsync("""{"type":"connection_init"}""");
            await dashboard.ReceiveAsync();
            if (await dashboard.SubscribeAsync("1", $"subscription {{ dashboardEvents(region: \"{code}\") {{ kind course {{ id }} }} }}") is { } refused)
            {
                // Without the argument the coordinator's token names the region.
                if (failures.Count == 0 || !failures[^1].StartsWith("dashboardEvents(region:)", StringComparison.Ordinal))
                {
                    failures.Add($"dashboardEvents(region:) refused, the token's region used instead: {refused}");
                }

                await dashboard.SubscribeAsync("2", "subscription { dashboardEvents { kind course { id } } }");
            }

            dashboard._reader = dashboard.ReadAsync(regionOfCourse);
            return dashboard;
        }

        /// <summary>When the sign-up event of this course arrived, or null when it did not within the patience.</summary>
        public async Task<long?> ArrivalOfAsync(string courseId)
        {
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            patience.CancelAfter(Patience);
            try
            {
                while (true)
                {
                    var (course, at) = await _signUps.Reader.ReadAsync(patience.Token);
                    if (course == courseId)
                    {
                        return at;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }

        /// <summary>Subscribes and pings: the pong says it is in place; an error before it, its message.</summary>
        private async Task<string?> SubscribeAsync(string id, string query)
        {
            await SendAsync(new JsonObject { ["id"] = id, ["type"] = "subscribe", ["payload"] = new JsonObject { ["query"] = query } }.ToJsonString());
            await SendAsync("""{"type":"ping"}""");
            var answer = JsonNode.Parse(await ReceiveAsync())!;
            if ((string?)answer["type"] == "error")
            {
                await ReceiveAsync(); // the pong
                return answer["payload"]?.ToJsonString() ?? "error";
            }

            return null;
        }

        private async Task ReadAsync(Dictionary<string, int> regionOfCourse)
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    var message = JsonNode.Parse(await ReceiveAsync(_stop.Token))!;
                    var at = Stopwatch.GetTimestamp();
                    if ((string?)message["type"] != "next" || message["payload"]?["data"]?["dashboardEvents"] is not { } payload)
                    {
                        continue;
                    }

                    var course = (string?)payload["course"]?["id"];
                    if (course is not null && regionOfCourse.TryGetValue(course, out var region) && region != RegionId)
                    {
                        Interlocked.Increment(ref _misdelivered);
                    }
                    else if (course is not null && (string?)payload["kind"] == "SIGN_UP")
                    {
                        _signUps.Writer.TryWrite((course, at));
                    }
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
            {
                // Stopped.
            }
        }

        private Task SendAsync(string text) =>
            _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

        private async Task<string> ReceiveAsync(CancellationToken cancellationToken = default)
        {
            var buffer = new byte[16 * 1024];
            using var text = new MemoryStream();
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    throw new WebSocketException($"closed: {result.CloseStatus} {result.CloseStatusDescription}");
                }

                text.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    return Encoding.UTF8.GetString(text.ToArray());
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _socket.Abort();
            await _reader;
            _socket.Dispose();
            _stop.Dispose();
        }
    }
}

/// <summary>What the dashboards got.</summary>
internal sealed record DashboardFigures(int Dashboards, int SignUps, int Delivered, int Missing, int Misdelivered, double P50, double P95)
{
    public string ToMarkdown() => string.Create(CultureInfo.InvariantCulture, $"""
        | {Dashboards} coordinators' dashboards (graphql-transport-ws, `dashboardEvents(region:)`, one per region), {SignUps} public sign-ups across the regions in turn | |
        | --- | ---: |
        | delivered to their own region's dashboard | {Delivered} of {SignUps} |
        | **misdelivered** (an event of one region on another region's dashboard) | **{Misdelivered}** |
        | never delivered within {20} s | {Missing} |
        | commit to delivery, p50 | {Ms(P50)} |
        | **commit to delivery, p95** | **{Ms(P95)}** |
        """);
}
