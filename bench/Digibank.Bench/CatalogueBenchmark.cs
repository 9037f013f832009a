using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Digibank.Bench;

/// <summary>
/// The catalogue page a partner website asks for most (20 courses with partner and location) through GraphQL,
/// against the plain JSON endpoint that returns the same rows, on one Kestrel server on 127.0.0.1, alternating
/// rounds so both see the same machine. Also the same page as a cached GET of its trusted document that the
/// client already holds (<c>If-None-Match</c>, 304). With <c>--tracing</c> the whole comparison runs again on an
/// API that traces every request and exports over OTLP, so the cost of tracing is a ratio of ratios.
/// </summary>
public static class CatalogueBenchmark
{
    private const double Goal = 0.75;

    public static async Task<int> RunAsync(BenchOptions options)
    {
        await using var store = await BenchStore.CreateAsync(options);
        var load = WrkLoad.IsInstalled ? "wrk (a process of its own)" : "an in-process HttpClient loop (install wrk for the server's own CPU and allocations)";
        Console.WriteLine($"{store.Name}; load from {load}; {options.Concurrency} connections, {options.Rounds} rounds of {options.RoundDuration.TotalSeconds:0} s each");

        var plainRun = await MeasureAsync(store, options, tracing: false);
        var tracedRun = options.Tracing ? await MeasureAsync(store, options, tracing: true) : null;

        Console.WriteLine($"GraphQL / plain: {plainRun.Ratio:0.00}x (goal {Goal:0.00}x); peak RSS {plainRun.PeakRssMegabytes:0} MB");
        if (tracedRun is not null)
        {
            Console.WriteLine($"with tracing exported: {tracedRun.Ratio:0.00}x, {Change(tracedRun.Ratio / plainRun.Ratio)} the ratio without (goal: at most 10 % lower)");
        }

        if (options.Record)
        {
            BenchmarkReport.Record(options.PostgreSql is null ? "catalogue" : "catalogue-postgresql", Table(store, options, load, plainRun, tracedRun));
        }

        return 0;
    }

    private static async Task<CatalogueRun> MeasureAsync(BenchStore store, BenchOptions options, bool tracing)
    {
        await using var api = LoopbackApi.Start(store, tracing ? LoopbackApi.TracingSettings() : null);
        using var http = new HttpClient { BaseAddress = api.Http };
        var document = await File.ReadAllTextAsync(Path.Combine(BenchmarkReport.RepositoryRoot, "src", "Digibank.Api", "trusted-documents", "digibank-website", "catalogue-page.graphql"));
        var documentId = Digibank.Api.GraphQL.TrustedDocuments.TrustedDocument.IdOf(document);
        await EnsureSameRowsAsync(http, document);
        using var cacheable = await http.GetAsync($"/graphql?documentId={documentId}");
        var etag = cacheable.Headers.ETag?.Tag ?? throw new InvalidOperationException("The trusted catalogue page came without an ETag.");

        var requests = new (string Name, LoadRequest Request)[]
        {
            ("plain", new LoadRequest(HttpMethod.Get, "/api/courses?first=20")),
            ("graphql", new LoadRequest(HttpMethod.Post, "/graphql", JsonSerializer.Serialize(new { query = document }))),
            ("cached", new LoadRequest(HttpMethod.Get, $"/graphql?documentId={documentId}", Headers: new Dictionary<string, string> { ["If-None-Match"] = etag })),
        };

        foreach (var (_, request) in requests)
        {
            await RoundAsync(api.Http, http, request, options.Concurrency, TimeSpan.FromSeconds(5));
        }

        var rounds = requests.ToDictionary(request => request.Name, _ => new List<RoundResult>());
        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var (name, request) in requests)
            {
                rounds[name].Add(await RoundAsync(api.Http, http, request, options.Concurrency, options.RoundDuration));
            }

            Console.WriteLine($"{(tracing ? "traced " : string.Empty)}round {round}: " + string.Join("   ", requests.Select(r =>
                $"{r.Name} {rounds[r.Name][^1].RequestsPerSecond,6:0} req/s {rounds[r.Name][^1].CpuMicrosecondsPerRequest,4:0} µs CPU {rounds[r.Name][^1].AllocatedBytesPerRequest / 1024,5:0.0} KB")));
        }

        return new CatalogueRun(Median(rounds["plain"]), Median(rounds["graphql"]), Median(rounds["cached"]), PeakRssMegabytes());
    }

    private static async Task<RoundResult> RoundAsync(Uri server, HttpClient http, LoadRequest request, int connections, TimeSpan duration)
    {
        if (WrkLoad.IsInstalled)
        {
            return await WrkLoad.RunAsync(server, request, connections, duration);
        }

        var perSecond = await LoadLoop.RequestsPerSecondAsync(async cancellationToken =>
        {
            using var message = new HttpRequestMessage(request.Method, request.PathAndQuery);
            if (request.JsonBody is not null)
            {
                message.Content = new StringContent(request.JsonBody, System.Text.Encoding.UTF8, "application/json");
            }

            foreach (var (name, value) in request.Headers ?? new Dictionary<string, string>())
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await http.SendAsync(message, cancellationToken);
            if ((int)response.StatusCode >= 400)
            {
                throw new InvalidOperationException($"{request.PathAndQuery} answered {(int)response.StatusCode}.");
            }

            await response.Content.CopyToAsync(Stream.Null, cancellationToken);
        }, connections, duration);
        return new RoundResult(perSecond, 0, double.NaN, double.NaN);
    }

    /// <summary>Both endpoints must answer with the same courses, or the comparison means nothing.</summary>
    private static async Task EnsureSameRowsAsync(HttpClient http, string document)
    {
        var plain = await http.GetFromJsonAsync<JsonArray>("/api/courses?first=20");
        using var response = await http.PostAsJsonAsync("/graphql", new { query = document });
        var graphQL = (await response.Content.ReadFromJsonAsync<JsonObject>())!["data"]!["courses"]!["nodes"]!.AsArray();
        var plainIds = plain!.Select(course => (string?)course!["id"]).ToList();
        var graphQLIds = graphQL.Select(course => (string?)course!["id"]).ToList();
        if (plainIds.Count != 20 || !plainIds.SequenceEqual(graphQLIds))
        {
            throw new InvalidOperationException("The plain endpoint and GraphQL return different courses.");
        }
    }

    /// <summary>The most memory this process has held (VmHWM): the API, and in it the benchmark's few objects.</summary>
    public static double PeakRssMegabytes() =>
        File.ReadLines("/proc/self/status").Where(line => line.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(line => double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024)
            .FirstOrDefault(double.NaN);

    private static RoundResult Median(List<RoundResult> rounds) => rounds.OrderBy(round => round.RequestsPerSecond).ElementAt(rounds.Count / 2);

    private static string Table(BenchStore store, BenchOptions options, string load, CatalogueRun run, CatalogueRun? traced)
    {
        string Row(string what, RoundResult result) =>
            $"| {what} | {Number(result.RequestsPerSecond, "0")} | {Number(result.CpuMicrosecondsPerRequest, "0")} | {Number(result.AllocatedBytesPerRequest / 1024, "0.0")} |";
        var table = $"""
            Load: {load}, {options.Concurrency} connections; median of {options.Rounds} rounds of {options.RoundDuration.TotalSeconds:0} s, on {store.Name}.

            | request | requests per second | server CPU per request (µs) | server allocations per request (KB) |
            | --- | ---: | ---: | ---: |
            {Row("`GET /api/courses?first=20` (plain minimal API, one SQL query with joins)", run.Plain)}
            {Row("`POST /graphql` `courses(first: 20)` with partner and location (one projected SQL query)", run.GraphQL)}
            {Row("`GET /graphql?documentId=…` with `If-None-Match` (304, the query still runs)", run.Cached)}

            **GraphQL / plain: {Number(run.Ratio, "0.00")}×** (goal: {Goal:0.00}× or better: {(run.Ratio >= Goal ? "met" : "not met")}). Cached GET / plain: {Number(run.Cached.RequestsPerSecond / run.Plain.RequestsPerSecond, "0.00")}×. Peak RSS of the process (API and benchmark): {Number(run.PeakRssMegabytes, "0")} MB (goal: at most 300 MB).
            """;
        if (traced is not null)
        {
            table += $"""


                With OpenTelemetry tracing every request and exporting over OTLP to a local endpoint where no collector listens:
                GraphQL {Number(traced.GraphQL.RequestsPerSecond, "0")} and plain {Number(traced.Plain.RequestsPerSecond, "0")} requests per second,
                **GraphQL / plain {Number(traced.Ratio, "0.00")}×**: {Change(traced.Ratio / run.Ratio)} the ratio without tracing (goal: at most 10 % lower).
                GraphQL alone: its requests per second {Change(traced.GraphQL.RequestsPerSecond / run.GraphQL.RequestsPerSecond)} those without tracing, {Number(traced.GraphQL.CpuMicrosecondsPerRequest, "0")} µs of CPU per request instead of {Number(run.GraphQL.CpuMicrosecondsPerRequest, "0")}.
                """;
        }

        return table;
    }

    private static string Number(double value, string format) => double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);

    private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    /// <summary>"4.2 % below" or "1.3 % above" for a traced figure over the untraced one.</summary>
    private static string Change(double tracedOverPlain) =>
        tracedOverPlain <= 1 ? $"{Percent(1 - tracedOverPlain)} below" : $"{Percent(tracedOverPlain - 1)} above";

    private sealed record CatalogueRun(RoundResult Plain, RoundResult GraphQL, RoundResult Cached, double PeakRssMegabytes)
    {
        public double Ratio => GraphQL.RequestsPerSecond / Plain.RequestsPerSecond;
    }
}
