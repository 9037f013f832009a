using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Digibank.Api.Courses;
using Digibank.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Bench;

/// <summary>A few residents signing up through <c>POST /graphql</c> one after another with a short pause, each sign-up timed from request to answer.</summary>
internal sealed class ResidentSignUps(HttpClient http, List<string> courses, string townId)
{
    public const int Workers = 8;
    public static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(25);

    private const string SignUpMutation = """
        mutation ($input: SignUpForCourseInput!) {
          signUpForCourse(input: $input) { signUp { status } errors { ... on Error { code } } }
        }
        """;

    private readonly List<double> _latencies = [];
    private int _count;
    private int _failures;

    public int Count => Volatile.Read(ref _count);

    /// <summary>The residents of <paramref name="api"/>, signing up for the courses whose external id starts with <paramref name="coursePrefix"/>.</summary>
    public static async Task<ResidentSignUps> ForAsync(LoopbackApi api, HttpClient http, string coursePrefix)
    {
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<DigibankDbContext>>().CreateDbContextAsync();
        var ids = await db.Courses.Where(c => c.ExternalId.StartsWith(coursePrefix)).Select(c => c.Id).ToListAsync();
        using var response = await http.PostAsJsonAsync("/graphql", new { query = "{ municipalities(first: 1) { nodes { id } } }" });
        var data = (await response.Content.ReadFromJsonAsync<JsonObject>())!["data"]!;
        var townId = (string)data["municipalities"]!["nodes"]![0]!["id"]!;
        return new ResidentSignUps(http, [.. ids.Select(id => Digibank.Api.GraphQL.Relay.GlobalId.Encode(Digibank.Api.Courses.CourseType.TypeName, id))], townId);
    }

    public void Reset()
    {
        TakeLatencies();
        TakeFailures();
    }

    public List<double> TakeLatencies()
    {
        lock (_latencies)
        {
            var taken = _latencies.ToList();
            _latencies.Clear();
            return taken;
        }
    }

    public int TakeFailures() => Interlocked.Exchange(ref _failures, 0);

    /// <summary>Each worker starts sign-ups while <paramref name="go"/> holds; bounded by <paramref name="limit"/> too.</summary>
    public async Task SignUpWhileAsync(Func<bool> go, TimeSpan limit)
    {
        var deadline = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(async _ =>
        {
            while (go() && deadline.Elapsed < limit)
            {
                await SignUpAsync(Interlocked.Increment(ref _count));
                await Task.Delay(Pause);
            }
        }));
    }

    public static double Percentile(List<double> values, int percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
    }

    public static string Ms(double value) => value.ToString("0", CultureInfo.InvariantCulture) + " ms";

    public static string Seconds(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    private async Task SignUpAsync(int person)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.PostAsJsonAsync("/graphql", new
        {
            query = SignUpMutation,
            variables = new
            {
                input = new
                {
                    courseId = courses[person % courses.Count],
                    firstName = "Inwoner",
                    email = $"resident-{person}@example.com",
                    municipalityId = townId,
                    targetGroup = "EVERYONE",
                    consent = true,
                },
            },
        });
        var body = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var status = (string?)body?["data"]?["signUpForCourse"]?["signUp"]?["status"];
        if (body?["errors"] is not null || status is not ("CONFIRMED" or "WAITLISTED"))
        {
            Interlocked.Increment(ref _failures);
            Console.Error.WriteLine($"sign-up {person} failed: {(int)response.StatusCode} {body?.ToJsonString()}");
        }

        lock (_latencies)
        {
            _latencies.Add(elapsed);
        }
    }
}
