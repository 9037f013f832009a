using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Digibank.Bench;

/// <summary>
/// The catalogue query a partner website sends most (a page of 20 courses with partner and location)
/// through GraphQL, against the plain JSON endpoint that returns the same rows, on one Kestrel server
/// on 127.0.0.1, alternating rounds so both see the same machine.
/// </summary>
public static class CatalogueBenchmark
{
    private const string Query = """
        { courses(first: 20) { nodes { id title startsAt partner { id name } location { name street municipality { name } } } } }
        """;

    public static async Task<int> RunAsync(BenchOptions options)
    {
        await using var store = await BenchStore.CreateAsync(options);
        if (options.Tracing)
        {
            return await RunTracingCostAsync(options, store);
        }

        await using var api = LoopbackApi.Start(store);
        using var http = new HttpClient { BaseAddress = api.Http };
        Console.WriteLine($"API on {http.BaseAddress} with {store.Name}; {options.Concurrency} workers, {options.Rounds} rounds of {options.RoundDuration.TotalSeconds:0} s each");

        var graphQLBody = JsonSerializer.Serialize(new { query = Query });
        async Task GraphQL(CancellationToken cancellationToken)
        {
            using var content = new StringContent(graphQLBody, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync("/graphql", content, cancellationToken);
            response.EnsureSuccessStatusCode();
            await response.Content.CopyToAsync(Stream.Null, cancellationToken);
        }

        async Task Plain(CancellationToken cancellationToken)
        {
            using var response = await http.GetAsync("/api/courses?first=20", cancellationToken);
            response.EnsureSuccessStatusCode();
            await response.Content.CopyToAsync(Stream.Null, cancellationToken);
        }

        await EnsureSameRowsAsync(http);
        await LoadLoop.RequestsPerSecondAsync(GraphQL, options.Concurrency, TimeSpan.FromSeconds(5));
        await LoadLoop.RequestsPerSecondAsync(Plain, options.Concurrency, TimeSpan.FromSeconds(5));

        var graphQLRates = new List<double>();
        var plainRates = new List<double>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            plainRates.Add(await LoadLoop.RequestsPerSecondAsync(Plain, options.Concurrency, options.RoundDuration));
            graphQLRates.Add(await LoadLoop.RequestsPerSecondAsync(GraphQL, options.Concurrency, options.RoundDuration));
            Console.WriteLine($"round {round}: plain {plainRates[^1],8:0} req/s   GraphQL {graphQLRates[^1],8:0} req/s");
        }

        var plain = Median(plainRates);
        var graphQL = Median(graphQLRates);
        var ratio = graphQL / plain;
        Console.WriteLine($"median: plain {plain:0} req/s, GraphQL {graphQL:0} req/s, ratio {ratio:0.00}x (goal 0.50x or better)");

        if (options.Record)
        {
            BenchmarkReport.Record(options.PostgreSql is null ? "catalogue" : "catalogue-postgresql", $"""
                | endpoint | requests per second (median of {options.Rounds} rounds of {options.RoundDuration.TotalSeconds:0} s, {options.Concurrency} workers) |
                | --- | ---: |
                | `GET /api/courses?first=20` (plain minimal API, one SQL query with joins, on {store.Name}) | {plain.ToString("0", CultureInfo.InvariantCulture)} |
                | `POST /graphql` `courses(first: 20)` with partner and location (one projected SQL query) | {graphQL.ToString("0", CultureInfo.InvariantCulture)} |
                | **ratio GraphQL / plain** | **{ratio.ToString("0.00", CultureInfo.InvariantCulture)}×** (goal: 0.50× or better: {(ratio >= 0.5 ? "met" : "not met")}) |
                """);
        }

        return 0;
    }

    /// <summary>
    /// The cost of tracing: the same GraphQL request with OpenTelemetry tracing and metrics exported over OTLP (to a
    /// port where no collector listens, so export fails as cheaply as it can and the cost is the API's own), against
    /// the API without an endpoint. Listeners are process-wide, so an untraced API beside a traced one would be traced
    /// as well: the two take turns, each started afresh and warmed up for every round.
    /// </summary>
    private static async Task<int> RunTracingCostAsync(BenchOptions options, BenchStore store)
    {
        var tracing = new Dictionary<string, string> { ["OpenTelemetry:Endpoint"] = $"http://127.0.0.1:{LoopbackApi.FreePort()}" };
        Console.WriteLine($"GraphQL on {store.Name} without and with tracing (OTLP to {tracing["OpenTelemetry:Endpoint"]}, nothing listening); {options.Concurrency} workers, {options.Rounds} rounds of {options.RoundDuration.TotalSeconds:0} s each");
        var withoutRates = new List<double>();
        var withRates = new List<double>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            // Each goes first every other round: the first API of the process meets a colder JIT and a colder disk cache.
            if (round % 2 == 1)
            {
                withoutRates.Add(await GraphQLRateAsync(store, options, settings: null));
                withRates.Add(await GraphQLRateAsync(store, options, tracing));
            }
            else
            {
                withRates.Add(await GraphQLRateAsync(store, options, tracing));
                withoutRates.Add(await GraphQLRateAsync(store, options, settings: null));
            }

            Console.WriteLine($"round {round}: without tracing {withoutRates[^1],8:0} req/s   with tracing {withRates[^1],8:0} req/s");
        }

        var without = Median(withoutRates);
        var with = Median(withRates);
        var ratio = with / without;
        Console.WriteLine($"median: without tracing {without:0} req/s, with tracing {with:0} req/s, ratio {ratio:0.00}x (goal 0.90x or better)");
        if (options.Record)
        {
            BenchmarkReport.Record("catalogue-tracing", $"""
                | `POST /graphql` `courses(first: 20)` on {store.Name} | requests per second (median of {options.Rounds} rounds of {options.RoundDuration.TotalSeconds:0} s, {options.Concurrency} workers) |
                | --- | ---: |
                | without tracing (metrics for `/metrics` only) | {without.ToString("0", CultureInfo.InvariantCulture)} |
                | with tracing and metrics exported over OTLP | {with.ToString("0", CultureInfo.InvariantCulture)} |
                | **ratio with / without** | **{ratio.ToString("0.00", CultureInfo.InvariantCulture)}×** (goal: 0.90× or better: {(ratio >= 0.9 ? "met" : "not met")}) |
                """);
        }

        return 0;
    }

    private static async Task<double> GraphQLRateAsync(BenchStore store, BenchOptions options, IReadOnlyDictionary<string, string>? settings)
    {
        await using var api = LoopbackApi.Start(store, settings);
        using var http = new HttpClient { BaseAddress = api.Http };
        var body = JsonSerializer.Serialize(new { query = Query });
        async Task GraphQL(CancellationToken cancellationToken)
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync("/graphql", content, cancellationToken);
            response.EnsureSuccessStatusCode();
            await response.Content.CopyToAsync(Stream.Null, cancellationToken);
        }

        await LoadLoop.RequestsPerSecondAsync(GraphQL, options.Concurrency, TimeSpan.FromSeconds(5));
        return await LoadLoop.RequestsPerSecondAsync(GraphQL, options.Concurrency, options.RoundDuration);
    }

    /// <summary>Both endpoints must answer with the same courses, or the comparison means nothing.</summary>
    private static async Task EnsureSameRowsAsync(HttpClient http)
    {
        var plain = await http.GetFromJsonAsync<JsonArray>("/api/courses?first=20");
        using var response = await http.PostAsJsonAsync("/graphql", new { query = Query });
        var graphQL = (await response.Content.ReadFromJsonAsync<JsonObject>())!["data"]!["courses"]!["nodes"]!.AsArray();
        var plainIds = plain!.Select(course => (string?)course!["id"]).ToList();
        var graphQLIds = graphQL.Select(course => (string?)course!["id"]).ToList();
        if (plainIds.Count != 20 || !plainIds.SequenceEqual(graphQLIds))
        {
            throw new InvalidOperationException("The plain endpoint and GraphQL return different courses.");
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
