using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Digibank.Api.Accounts;
using Digibank.Api.Data;
using Digibank.Api.Data.RowSecurity;
using Digibank.Api.HelpPoints;
using Digibank.Api.Regions;
using Digibank.Api.Staff;
using Digibank.Api.Tests;
using Digibank.Api.Tests.Balie;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Bench;

/// <summary>
/// The counter's Vandaag page of one help point with 50 loans due or overdue, 20 lessons today (8 people each) and 30
/// people on the call list, asked over real HTTP on 127.0.0.1 (Kestrel) by 20 staff at once, each signed in through
/// the sign-in page with a session cookie of their own: the server's time per request (p50, p95), against the same
/// page of a help point with a quiet day in the same run; the page's size and its SQL statements per request.
/// </summary>
public static partial class CounterTodayBenchmark
{
    private const int Staff = 20;
    private const int P95GoalMs = 100;
    private const int AloneSamples = 200;
    private const string BusyPoint = "Bibliotheek Poperinge";
    private const string QuietPoint = "Bibliotheek Vleteren";
    private const string Password = "een lange zin als wachtwoord voor de bank";
    private static readonly CounterDayLoad BusyDay = new(Loans: 50, Sessions: 20, SeatsPerSession: 8, CallTasks: 30, PickUps: 0, HelpRequests: 0);

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var statements = new SqlStatementCounter();
        var timing = new ServerTiming("/balie");
        await using var store = await BenchStore.CreateAsync(options);
        await using var api = LoopbackApi.Start(string.Empty, settings: store.Settings,
            services: services => services.AddSingleton<IInterceptor>(statements).AddSingleton<IStartupFilter>(timing));
        var (busyId, quietId) = await FillAsync(api);
        var desks = await SignInAsync(api, [busyId, quietId]);
        try
        {
            var (busy, quiet) = ($"/balie?hulppunt={busyId}", $"/balie?hulppunt={quietId}");
            var (busyBytes, quietBytes) = (await PageBytesAsync(desks[0], busy, check: true), await PageBytesAsync(desks[0], quiet, check: false));
            Console.WriteLine($"API on {api.Http} with {store.Name}; {Staff} staff signed in; {options.Rounds} rounds of {options.RoundDuration.TotalSeconds:0} s per page");
            var loadBefore = LoadAverage();
            await LoadAsync(desks, quiet, TimeSpan.FromSeconds(5));
            await LoadAsync(desks, busy, TimeSpan.FromSeconds(5));
            var (busyAlone, quietAlone) = (await AloneAsync(desks[0], busy, statements, timing), await AloneAsync(desks[0], quiet, statements, timing));
            timing.Take();

            List<double> busyServer = [], quietServer = [], busyClient = [], quietClient = [];
            for (var round = 1; round <= options.Rounds; round++)
            {
                quietClient.AddRange(await LoadAsync(desks, quiet, options.RoundDuration));
                quietServer.AddRange(timing.Take()[quiet]);
                var busyRound = await LoadAsync(desks, busy, options.RoundDuration);
                var busyRoundServer = timing.Take()[busy].ToList();
                busyClient.AddRange(busyRound);
                busyServer.AddRange(busyRoundServer);
                Console.WriteLine($"round {round}: busy server p95 {Percentile(busyRoundServer, 95):0.0} ms ({busyRound.Count / options.RoundDuration.TotalSeconds:0} req/s), " +
                    $"quiet server p95 {Percentile(quietServer, 95):0.0} ms so far");
            }

            var result = new Figures(busyServer, quietServer, busyClient, quietClient, busyBytes, quietBytes, busyAlone, quietAlone,
                options.Rounds * options.RoundDuration.TotalSeconds, loadBefore, LoadAverage());
            Console.WriteLine(result.Summary());
            if (options.Record)
            {
                BenchmarkReport.Record("counter-today", result.Table(options, store.Name), heading: "De balie: Vandaag under load");
            }

            return 0;
        }
        finally
        {
            foreach (var desk in desks)
            {
                desk.Dispose();
            }
        }
    }

    /// <summary>The busy help point's day, straight into the store; the quiet one keeps the demo's.</summary>
    private static async Task<(int Busy, int Quiet)> FillAsync(LoopbackApi api)
    {
        using var region = RegionScope.For(Region.FirstRegionId);
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<DigibankDbContext>>().CreateDbContextAsync();
        var busy = await db.HelpPoints.Where(h => h.Name == BusyPoint).Select(h => h.Id).SingleAsync();
        var quiet = await db.HelpPoints.Where(h => h.Name == QuietPoint).Select(h => h.Id).SingleAsync();
        await CounterDayRows.AddAsync(db, busy, api.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, BusyDay);
        return (busy, quiet);
    }

    /// <summary>Staff of both points, each invited, started with a password and signed in through the page, with a cookie of their own.</summary>
    private static async Task<List<HttpClient>> SignInAsync(LoopbackApi api, IReadOnlyCollection<int> helpPoints)
    {
        var desks = new List<HttpClient>();
        for (var i = 1; i <= Staff; i++)
        {
            var email = $"medewerker{i}.{Guid.NewGuid():N}@digibank.test";
            await using (var scope = api.Services.CreateAsyncScope())
            {
                var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
                var invited = await accounts.InviteAsync(new InviteStaff(email, $"Medewerker {i}", StaffRole.Staff, helpPoints, RegionId: Region.FirstRegionId), by: null, CancellationToken.None);
                var link = invited.Value?.Link ?? throw new InvalidOperationException($"Inviting {email}: {invited.Error}");
                var accepted = await accounts.AcceptInvitationAsync(link[(link.LastIndexOf('/') + 1)..], Password, CancellationToken.None);
                _ = accepted.Value ?? throw new InvalidOperationException($"Accepting {email}: {accepted.Error}");
            }

            var desk = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = api.Http };
            await CounterHttpSignIn.SignInAsync(desk, email, Password);
            desks.Add(desk);
        }

        return desks;
    }

    /// <summary>The page's size in bytes; for the busy page, first a check that every row of the day is on it.</summary>
    private static async Task<int> PageBytesAsync(HttpClient desk, string target, bool check)
    {
        using var response = await desk.GetAsync(target);
        response.EnsureSuccessStatusCode();
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var page = Encoding.UTF8.GetString(bytes);
        if (check && (CallButtons().Count(page) < BusyDay.CallTasks || AttendanceButtons().Count(page) < BusyDay.Sessions || LoanRows().Count(page) < BusyDay.Loans))
        {
            throw new InvalidOperationException($"The busy page misses rows: {CallButtons().Count(page)} calls, {AttendanceButtons().Count(page)} lessons, {LoanRows().Count(page)} loans.");
        }

        return bytes.Length;
    }

    /// <summary>
    /// Requests sent one after the other (nothing else runs meanwhile): SQL statements per request, the server's time
    /// (p50) and the process's CPU time per request, which the other work on a shared machine changes least.
    /// </summary>
    private static async Task<Alone> AloneAsync(HttpClient desk, string target, SqlStatementCounter statements, ServerTiming timing)
    {
        await Task.Delay(500);
        timing.Take();
        statements.Reset();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < AloneSamples; i++)
        {
            using var response = await desk.GetAsync(target);
            response.EnsureSuccessStatusCode();
            await response.Content.CopyToAsync(Stream.Null);
        }

        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / AloneSamples;
        var server = timing.Take()[target].ToList();
        return new Alone((double)statements.Count / AloneSamples, server.Min(), Percentile(server, 50), cpuMs);
    }

    /// <summary>Each staff member asks for the page again as soon as the last answer came, for the duration; the client's latency of each, in ms.</summary>
    private static async Task<List<double>> LoadAsync(IReadOnlyList<HttpClient> desks, string target, TimeSpan duration)
    {
        var latencies = new ConcurrentBag<double>();
        using var stop = new CancellationTokenSource(duration);
        await Task.WhenAll(desks.Select(async desk =>
        {
            while (!stop.IsCancellationRequested && latencies.Count < LoadLoop.MaxRequestsPerRound)
            {
                var clock = Stopwatch.StartNew();
                try
                {
                    using var response = await desk.GetAsync(target, stop.Token);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        throw new InvalidOperationException($"{target} answered {(int)response.StatusCode} {response.Headers.Location}");
                    }

                    await response.Content.CopyToAsync(Stream.Null, stop.Token);
                    latencies.Add(clock.Elapsed.TotalMilliseconds);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }
            }
        }));
        return [.. latencies];
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    internal static double Percentile(IReadOnlyCollection<double> values, int percentile) =>
        values.Count == 0 ? double.NaN : values.Order().ElementAt(Math.Min(values.Count - 1, (int)Math.Ceiling(values.Count * percentile / 100.0) - 1));

    [GeneratedRegex(">Bereikt</button>")]
    private static partial Regex CallButtons();

    [GeneratedRegex("name=\"Attendance.SessionId\"")]
    private static partial Regex AttendanceButtons();

    [GeneratedRegex("te laat</span>|vandaag terug")]
    private static partial Regex LoanRows();

    /// <summary>A page asked one request at a time: SQL statements and CPU milliseconds per request, the server's fastest and p50.</summary>
    private sealed record Alone(double Statements, double ServerFastest, double ServerP50, double CpuMs);

    /// <summary>What one run measured, said on the console and as the table of docs/benchmarks.md.</summary>
    private sealed record Figures(
        List<double> BusyServer, List<double> QuietServer, List<double> BusyClient, List<double> QuietClient, int BusyBytes, int QuietBytes,
        Alone BusyAlone, Alone QuietAlone, double Seconds, string LoadBefore, string LoadAfter)
    {
        private double BusyP95 => Percentile(BusyServer, 95);

        private double Ratio => BusyP95 / Percentile(QuietServer, 95);

        private string Goal => BusyP95 <= P95GoalMs ? "met" : $"not met: {Ms(BusyP95)} ms";

        public string Summary() =>
            $"busy day: server p50 {Ms(Percentile(BusyServer, 50))} ms p95 {Ms(BusyP95)} ms (goal ≤ {P95GoalMs} ms: {Goal}), client p95 {Ms(Percentile(BusyClient, 95))} ms, " +
            $"{BusyBytes:N0} bytes, {BusyAlone.Statements:0.#} SQL statements; quiet day: server p95 {Ms(Percentile(QuietServer, 95))} ms, {QuietBytes:N0} bytes, " +
            $"{QuietAlone.Statements:0.#} SQL statements; busy / quiet p95 {Ratio:0.00}×; one request at a time: busy fastest {Ms(BusyAlone.ServerFastest)} ms, p50 {Ms(BusyAlone.ServerP50)} ms ({Ms(BusyAlone.CpuMs)} ms CPU), " +
            $"quiet fastest {Ms(QuietAlone.ServerFastest)} ms, p50 {Ms(QuietAlone.ServerP50)} ms ({Ms(QuietAlone.CpuMs)} ms CPU); load average {LoadBefore} before, {LoadAfter} after";

        public string Table(BenchOptions options, string store) => $"""
            Load: {Staff} staff signed in through the page, each with a session cookie of their own, each asking again as soon as the answer came;
            {options.Rounds} rounds of {options.RoundDuration.TotalSeconds:0} s per page, taking turns, after 5 s of warm-up each; {store}. Server time: from the first
            middleware to the answer's last byte, measured inside the API.

            | page (`GET /balie?hulppunt=…`) | requests per second | server p50 | server p95 | client p95 | alone: server fastest, p50 | alone: CPU per request | page size | SQL statements per request |
            | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
            | quiet day ({QuietPoint}: the demo's rows) | {Rate(QuietClient.Count)} | {Ms(Percentile(QuietServer, 50))} ms | {Ms(Percentile(QuietServer, 95))} ms | {Ms(Percentile(QuietClient, 95))} ms | {Ms(QuietAlone.ServerFastest)} ms, {Ms(QuietAlone.ServerP50)} ms | {Ms(QuietAlone.CpuMs)} ms | {QuietBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes | {QuietAlone.Statements.ToString("0.#", CultureInfo.InvariantCulture)} |
            | busy day ({BusyPoint}: 50 loans, 20 lessons of 8 people, 30 calls) | {Rate(BusyClient.Count)} | {Ms(Percentile(BusyServer, 50))} ms | **{Ms(BusyP95)} ms** | {Ms(Percentile(BusyClient, 95))} ms | {Ms(BusyAlone.ServerFastest)} ms, {Ms(BusyAlone.ServerP50)} ms | {Ms(BusyAlone.CpuMs)} ms | {BusyBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes | {BusyAlone.Statements.ToString("0.#", CultureInfo.InvariantCulture)} |

            **Busy day, server p95: {Ms(BusyP95)} ms** (goal ≤ {P95GoalMs} ms: {Goal}); busy / quiet p95: {Ratio.ToString("0.00", CultureInfo.InvariantCulture)}×.
            "Alone": {AloneSamples} requests one after the other, after the warm-up and before the measured rounds; CPU per request is the whole process's (API and client) over those requests.
            Load average (1, 5, 15 min) of the machine: {LoadBefore} before the run, {LoadAfter} after it.
            """;

        private string Rate(int count) => (count / Seconds).ToString("0", CultureInfo.InvariantCulture);

        private static string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
    }
}
