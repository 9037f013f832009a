using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Digibank.Bench;

/// <summary>
/// 1,000 WebSocket subscribers on 127.0.0.1: the time from a committed sign-up to the last subscriber's
/// <c>next</c>, against a raw WebSocket broadcast of the same bytes to as many clients, in one run. The commit's
/// moment comes from EF Core's own diagnostics; the time from sending the mutation is reported beside it.
/// </summary>
public static class SubscriptionBenchmark
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(20);

    public static async Task<int> RunAsync(BenchOptions options, int subscribers, int events)
    {
        if (options.AcrossInstances)
        {
            return await RunAcrossInstancesAsync(options, subscribers, events);
        }

        var folder = Directory.CreateTempSubdirectory("digibank-subscriptions-");
        try
        {
            await using var api = LoopbackApi.Start(Path.Combine(folder.FullName, "api.db"));
            using var http = new HttpClient { BaseAddress = api.Http };
            var (courseId, townId) = await CourseAndTownAsync(http);
            Console.WriteLine($"{subscribers} subscribers, {events} events per path, on {api.Http}");

            var (graphQL, fromRequest, sample) = await MeasureGraphQLAsync(api, http, courseId, townId, subscribers, events, "bench");

            await using var raw = await RawBroadcastServer.StartAsync();
            var rawClients = await Subscribers.ConnectAsync(raw.Address, subscribers, null, events);
            var bytes = Encoding.UTF8.GetBytes(sample!);
            var baseline = new List<double>();
            for (var index = 0; index < events + 3; index++)
            {
                var latency = await rawClients.MeasureAsync(index, () => raw.BroadcastAsync(bytes));
                if (index >= 3)
                {
                    baseline.Add(latency);
                }
            }

            await rawClients.DisposeAsync();

            var (g50, g95, g99) = (Percentile(graphQL, 50), Percentile(graphQL, 95), Percentile(graphQL, 99));
            var (r50, r95, r99) = (Percentile(baseline, 50), Percentile(baseline, 95), Percentile(baseline, 99));
            var (q50, q95, q99) = (Percentile(fromRequest, 50), Percentile(fromRequest, 95), Percentile(fromRequest, 99));
            var ratio = g95 / r95;
            Console.WriteLine($"GraphQL subscription: p50 {g50:0.0} ms, p95 {g95:0.0} ms, p99 {g99:0.0} ms (from the commit)");
            Console.WriteLine($"  with the mutation:  p50 {q50:0.0} ms, p95 {q95:0.0} ms, p99 {q99:0.0} ms (from sending the sign-up)");
            Console.WriteLine($"raw broadcast:        p50 {r50:0.0} ms, p95 {r95:0.0} ms, p99 {r99:0.0} ms");
            Console.WriteLine($"p95 ratio {ratio:0.00}x (goal: within 1.5x and at most 50 ms)");
            var peakRss = CatalogueBenchmark.PeakRssMegabytes();
            Console.WriteLine($"peak RSS of the process (API and its {subscribers:N0} client sockets): {peakRss:0} MB");
            if (options.Record)
            {
                var met = ratio <= 1.5 && g95 <= 50;
                BenchmarkReport.Record("subscriptions", $"""
                    | path ({subscribers:N0} subscribers, {events} events, latency to the last subscriber) | p50 | p95 | p99 |
                    | --- | ---: | ---: | ---: |
                    | sign-up committed → `next` of `signUpChanged` on every graphql-transport-ws socket | {Ms(g50)} | {Ms(g95)} | {Ms(g99)} |
                    | the same from sending the sign-up mutation (its own request and transaction included) | {Ms(q50)} | {Ms(q95)} | {Ms(q99)} |
                    | raw WebSocket broadcast of the same bytes | {Ms(r50)} | {Ms(r95)} | {Ms(r99)} |
                    | **p95 ratio GraphQL / raw** | | **{ratio.ToString("0.00", CultureInfo.InvariantCulture)}×** | goal: within 1.5× and at most 50 ms: {(met ? "met" : "not met")} |

                    Peak RSS of the process, the API with the {subscribers:N0} client sockets of both runs in it: {peakRss.ToString("0", CultureInfo.InvariantCulture)} MB.
                    """);
            }

            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Two API instances on one PostgreSQL database with Redis between them: 1,000 subscribers on instance B and the
    /// sign-ups on instance A, against the same with the subscribers on A, in one run.
    /// </summary>
    private static async Task<int> RunAcrossInstancesAsync(BenchOptions options, int subscribers, int events)
    {
        if (options.PostgreSql is null)
        {
            Console.Error.WriteLine("--across-instances needs --postgresql \"<connection string of a role that may create databases>\".");
            return 2;
        }

        await using var store = await BenchStore.CreateAsync(options);
        using var redis = new Digibank.Api.Testing.RedisServer();
        var settings = new Dictionary<string, string> { ["Redis:Configuration"] = redis.Configuration };
        await using var first = LoopbackApi.Start(store, settings);
        await using var second = LoopbackApi.Start(store, settings);
        using var http = new HttpClient { BaseAddress = first.Http };
        var (courseId, townId) = await CourseAndTownAsync(http);
        Console.WriteLine($"{subscribers} subscribers, {events} events per path; sign-ups on {first.Http}, subscribers on it and on {second.Http}; Redis on {redis.Configuration}");

        var (single, _, _) = await MeasureGraphQLAsync(first, http, courseId, townId, subscribers, events, "one");
        var (across, _, _) = await MeasureGraphQLAsync(second, http, courseId, townId, subscribers, events, "two");

        var (s50, s95, s99) = (Percentile(single, 50), Percentile(single, 95), Percentile(single, 99));
        var (a50, a95, a99) = (Percentile(across, 50), Percentile(across, 95), Percentile(across, 99));
        var ratio = a95 / s95;
        Console.WriteLine($"subscribers on the committing instance: p50 {s50:0.0} ms, p95 {s95:0.0} ms, p99 {s99:0.0} ms (from the commit)");
        Console.WriteLine($"subscribers on the other instance:      p50 {a50:0.0} ms, p95 {a95:0.0} ms, p99 {a99:0.0} ms (from the commit)");
        Console.WriteLine($"p95 ratio {ratio:0.00}x (goal: within 1.5x of one instance)");
        if (options.Record)
        {
            BenchmarkReport.Record("subscriptions-across-instances", $"""
                | path ({subscribers:N0} subscribers, {events} events, PostgreSQL, latency from the sign-up's commit to the last subscriber) | p50 | p95 | p99 |
                | --- | ---: | ---: | ---: |
                | subscribers on instance A, the instance that commits | {Ms(s50)} | {Ms(s95)} | {Ms(s99)} |
                | subscribers on instance B, the event relayed through Redis | {Ms(a50)} | {Ms(a95)} | {Ms(a99)} |
                | **p95 ratio B / A** | | **{ratio.ToString("0.00", CultureInfo.InvariantCulture)}×** | goal: within 1.5×: {(ratio <= 1.5 ? "met" : "not met")} |
                """);
        }

        return 0;
    }

    /// <summary>Subscribers on <paramref name="subscribeTo"/>, sign-ups through <paramref name="http"/>: latencies from the commit and from the request.</summary>
    private static async Task<(List<double> FromCommit, List<double> FromRequest, string Sample)> MeasureGraphQLAsync(
        LoopbackApi subscribeTo, HttpClient http, string courseId, string townId, int subscribers, int events, string run)
    {
        var clients = await Subscribers.ConnectAsync(new Uri($"ws://{subscribeTo.Http.Authority}/graphql"), subscribers, "graphql-transport-ws", events);
        var fromCommit = new List<double>();
        var fromRequest = new List<double>();
        string? sample = null;
        using var commits = new CommitClock();
        for (var index = 0; index < events + 3; index++)
        {
            var start = Stopwatch.GetTimestamp();
            var latency = await clients.MeasureAsync(index, () => SignUpAsync(http, courseId, townId, $"{run}{index}"));
            sample ??= clients.LastMessage;
            if (index >= 3)
            {
                fromRequest.Add(latency);
                fromCommit.Add(latency - Stopwatch.GetElapsedTime(start, commits.FirstCommitAfter(start)).TotalMilliseconds);
            }
        }

        await clients.DisposeAsync();
        return (fromCommit, fromRequest, sample!);
    }

    private static string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
    }

    private static async Task<(string Course, string Town)> CourseAndTownAsync(HttpClient http)
    {
        var response = await http.PostAsJsonAsync("/graphql", new { query = "{ courses(first: 1, where: { status: { eq: SCHEDULED } }) { nodes { id } } municipalities(first: 1) { nodes { id } } }" });
        var data = (await response.Content.ReadFromJsonAsync<JsonObject>())!["data"]!;
        return ((string)data["courses"]!["nodes"]![0]!["id"]!, (string)data["municipalities"]!["nodes"]![0]!["id"]!);
    }

    private static async Task SignUpAsync(HttpClient http, string courseId, string townId, string person)
    {
        using var response = await http.PostAsJsonAsync("/graphql", new
        {
            query = "mutation ($input: SignUpForCourseInput!) { signUpForCourse(input: $input) { errors { ... on Error { code } } } }",
            variables = new { input = new { courseId, firstName = "Bench", email = $"bench-{person}@example.com", municipalityId = townId, targetGroup = "EVERYONE", consent = true } },
        });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>When EF Core committed transactions in this process: the API runs in it, so its commits are seen here.</summary>
    private sealed class CommitClock : IDisposable, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        private const string Committed = "Microsoft.EntityFrameworkCore.Database.Transaction.TransactionCommitted";
        private readonly List<IDisposable> _subscriptions = [];
        private readonly List<long> _commits = [];

        public CommitClock() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

        /// <summary>The first commit after <paramref name="start"/>: the sign-up's own, before the dispatcher's bookkeeping.</summary>
        public long FirstCommitAfter(long start)
        {
            lock (_commits)
            {
                return _commits.Where(commit => commit >= start).DefaultIfEmpty(start).Min();
            }
        }

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == "Microsoft.EntityFrameworkCore")
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(listener.Subscribe(this, name => name == Committed));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            var now = Stopwatch.GetTimestamp();
            lock (_commits)
            {
                _commits.Add(now);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            lock (_subscriptions)
            {
                _subscriptions.ForEach(subscription => subscription.Dispose());
            }
        }
    }

    /// <summary>Many WebSocket clients, each counting the messages it gets; one event's latency is the last arrival.</summary>
    private sealed class Subscribers : IAsyncDisposable
    {
        private readonly List<ClientWebSocket> _sockets = [];
        private readonly List<Task> _readers = [];
        private readonly long[] _lastArrival;
        private readonly int[] _arrivals;
        private readonly CancellationTokenSource _stop = new();

        private Subscribers(int events)
        {
            _lastArrival = new long[events + 3];
            _arrivals = new int[events + 3];
        }

        public string? LastMessage { get; private set; }

        public static async Task<Subscribers> ConnectAsync(Uri address, int count, string? subProtocol, int events)
        {
            var subscribers = new Subscribers(events);
            for (var index = 0; index < count; index++)
            {
                var socket = new ClientWebSocket();
                if (subProtocol is not null)
                {
                    socket.Options.AddSubProtocol(subProtocol);
                }

                await socket.ConnectAsync(address, CancellationToken.None);
                if (subProtocol is not null)
                {
                    await SendAsync(socket, """{"type":"connection_init"}""");
                    await ReceiveAsync(socket, CancellationToken.None);
                    await SendAsync(socket, """{"id":"1","type":"subscribe","payload":{"query":"subscription { signUpChanged { kind at summary } }"}}""");
                    await SendAsync(socket, """{"type":"ping"}""");
                    await ReceiveAsync(socket, CancellationToken.None); // pong: the subscription is in place
                }

                subscribers._sockets.Add(socket);
            }

            subscribers._readers.AddRange(subscribers._sockets.Select(subscribers.ReadAsync));
            return subscribers;
        }

        public async Task<double> MeasureAsync(int eventIndex, Func<Task> trigger)
        {
            var start = Stopwatch.GetTimestamp();
            await trigger();
            var deadline = DateTime.UtcNow + EventTimeout;
            while (Volatile.Read(ref _arrivals[eventIndex]) < _sockets.Count)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"Only {_arrivals[eventIndex]} of {_sockets.Count} subscribers got event {eventIndex}.");
                }

                await Task.Delay(1);
            }

            return Stopwatch.GetElapsedTime(start, Interlocked.Read(ref _lastArrival[eventIndex])).TotalMilliseconds;
        }

        private async Task ReadAsync(ClientWebSocket socket)
        {
            var received = 0;
            try
            {
                while (received < _arrivals.Length)
                {
                    var message = await ReceiveAsync(socket, _stop.Token);
                    var now = Stopwatch.GetTimestamp();
                    LastMessage = message;
                    long seen;
                    do
                    {
                        seen = Interlocked.Read(ref _lastArrival[received]);
                    }
                    while (now > seen && Interlocked.CompareExchange(ref _lastArrival[received], now, seen) != seen);

                    Interlocked.Increment(ref _arrivals[received]);
                    received++;
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
            {
                // Stopped.
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            foreach (var socket in _sockets)
            {
                socket.Abort();
                socket.Dispose();
            }

            await Task.WhenAll(_readers);
            _stop.Dispose();
        }
    }

    private static Task SendAsync(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<string> ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var text = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException("closed");
            }

            text.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(text.ToArray());
            }
        }
    }

    /// <summary>The baseline: a bare Kestrel WebSocket endpoint that sends the same bytes to every client.</summary>
    private sealed class RawBroadcastServer : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly List<WebSocket> _clients = [];

        private RawBroadcastServer(WebApplication app) => _app = app;

        public Uri Address { get; private set; } = null!;

        public static async Task<RawBroadcastServer> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var server = new RawBroadcastServer(app);
            app.UseWebSockets();
            app.Map("/raw", async (HttpContext context) =>
            {
                var socket = await context.WebSockets.AcceptWebSocketAsync();
                lock (server._clients)
                {
                    server._clients.Add(socket);
                }

                var buffer = new byte[64];
                while (socket.State == WebSocketState.Open)
                {
                    try
                    {
                        await socket.ReceiveAsync(buffer, CancellationToken.None);
                    }
                    catch (WebSocketException)
                    {
                        break;
                    }
                }
            });
            await app.StartAsync();
            server.Address = new Uri(app.Urls.First().Replace("http://", "ws://", StringComparison.Ordinal) + "/raw");
            return server;
        }

        public Task BroadcastAsync(byte[] message)
        {
            WebSocket[] clients;
            lock (_clients)
            {
                clients = [.. _clients];
            }

            return Task.WhenAll(clients.Select(client => client.SendAsync(message, WebSocketMessageType.Text, true, CancellationToken.None)));
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
