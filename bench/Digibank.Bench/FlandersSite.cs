using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Digibank.Api.Staff;
using Digibank.Api.Tests;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Bench;

/// <summary>One API on 127.0.0.1 on one PostgreSQL database, with a real HTTP client and a count of its SQL statements.</summary>
internal sealed class FlandersSite : IAsyncDisposable
{
    private readonly SqlStatementCounter _statements;

    private FlandersSite(string name, string connectionString, LoopbackApi api, SqlStatementCounter statements)
    {
        (Name, ConnectionString, Api, _statements) = (name, connectionString, api, statements);
        Http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = api.Http, Timeout = TimeSpan.FromSeconds(60) };
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public LoopbackApi Api { get; }

    public HttpClient Http { get; }

    public static FlandersSite Start(string name, string connectionString)
    {
        var statements = new SqlStatementCounter();
        var settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Digibank"] = connectionString,
        };
        var api = LoopbackApi.Start(string.Empty, settings: settings, services: services => services.AddSingleton<IInterceptor>(statements));
        return new FlandersSite(name, connectionString, api, statements);
    }

    public string Coordinator(int regionId) =>
        Api.Services.GetRequiredService<StaffTokens>().Mint($"coordinator:{regionId}", "Coördinator", StaffRole.Coordinator, regionId, []);

    public string Admin() => Api.Services.GetRequiredService<StaffTokens>().Mint("admin:flanders", "Beheer Vlaanderen", StaffRole.Admin, null, []);

    public static string Body(string query, object? variables = null) => JsonSerializer.Serialize(new { query, variables });

    /// <summary>One request: its answer, how long it took, and how many SQL statements it sent (nothing else may run meanwhile).</summary>
    public async Task<(JsonObject Answer, double Ms, int Statements)> AskAsync(string body, string? token = null)
    {
        _statements.Reset();
        var clock = Stopwatch.StartNew();
        using var request = Request(body, token);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var ms = clock.Elapsed.TotalMilliseconds;
        var answer = JsonNode.Parse(text) as JsonObject ?? throw new InvalidOperationException($"{Name}: not a JSON object: {text}");
        return (answer, ms, _statements.Count);
    }

    /// <summary>The first error of an answer, or null when it has data and no errors.</summary>
    public static string? ErrorOf(JsonObject answer) =>
        answer["errors"] is JsonArray { Count: > 0 } errors ? (string?)errors[0]!["message"] ?? errors.ToJsonString()
        : answer["data"] is null ? "no data" : null;

    /// <summary><paramref name="clients"/> clients, each sending the request after the other for the duration; each answer's latency in ms.</summary>
    public async Task<List<double>> LoadAsync(string body, int clients, TimeSpan duration, string? token = null)
    {
        var latencies = new ConcurrentBag<double>();
        using var stop = new CancellationTokenSource(duration);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (!stop.IsCancellationRequested && latencies.Count < LoadLoop.MaxRequestsPerRound)
            {
                var clock = Stopwatch.StartNew();
                try
                {
                    using var request = Request(body, token);
                    using var response = await Http.SendAsync(request, stop.Token);
                    response.EnsureSuccessStatusCode();
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

    public static double Percentile(IReadOnlyCollection<double> values, int percentile) =>
        values.Count == 0 ? double.NaN : values.Order().ElementAt(Math.Min(values.Count - 1, (int)Math.Ceiling(values.Count * percentile / 100.0) - 1));

    private static HttpRequestMessage Request(string body, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Api.DisposeAsync();
    }
}
