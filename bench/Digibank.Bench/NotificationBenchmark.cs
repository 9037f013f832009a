using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Digibank.Api.Municipalities;
using Digibank.Api.Partners;
using Digibank.Api.Sync;
using Digibank.Api.Testing;
using Digibank.Api.Vocabulary;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Digibank.Bench;

/// <summary>
/// The notifications under a burst, on Kestrel on 127.0.0.1 with a real SMTP server in this process: 1,000 residents
/// sign up for one course (1,000 confirmations), then the course is withdrawn (1,000 "gaat niet door"). For each, the
/// time from the commit to the last message the SMTP server accepted, against MailKit sending the same 1,000 messages
/// to the same server in a plain loop; and the catalogue's requests per second during each burst, against without.
/// </summary>
public static class NotificationBenchmark
{
    private const int People = 1_000;
    private const int CatalogueWorkers = 8;
    private const int SignUpWorkers = 16;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private const string Catalogue = """{"query":"{ courses(first: 20) { nodes { id title startsAt partner { id name } location { name street municipality { name } } } } }"}""";

    private const string SignUp = """
        mutation ($input: SignUpForCourseInput!) { signUpForCourse(input: $input) { signUp { status } errors { ... on Error { code } } } }
        """;

    public static async Task<int> RunAsync(BenchOptions options)
    {
        await using var store = await BenchStore.CreateAsync(options);
        using var smtp = new SmtpTestServer();
        var mailFolder = Path.Combine(Path.GetTempPath(), $"digibank-bench-mail-{Guid.NewGuid():N}");
        await using var api = LoopbackApi.Start(store, new Dictionary<string, string>
        {
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Notifications:Smtp:Security"] = "None",
            ["Notifications:MailFolder"] = mailFolder,
        });
        using var http = new HttpClient { BaseAddress = api.Http };
        Console.WriteLine($"API on {api.Http} with {store.Name}; SMTP server on 127.0.0.1:{smtp.Port}; {People} people");
        var (courseId, municipalityId) = await CourseForEveryoneAsync(api);

        // Warm up, then the catalogue on its own; measured again after the bursts, and the better of the two is the baseline.
        await LoadLoop.RequestsPerSecondAsync(token => CatalogueAsync(http, token), CatalogueWorkers, TimeSpan.FromSeconds(10));
        var quietBefore = await LoadLoop.RequestsPerSecondAsync(token => CatalogueAsync(http, token), CatalogueWorkers, options.RoundDuration);
        Console.WriteLine($"catalogue alone: {quietBefore:0} req/s");

        // 1. A thousand sign-ups, sent by 16 residents' browsers at once, while partner websites read the catalogue.
        var (lastCommit, signUpCatalogue, signedUpAt) = await SignUpBurstAsync(http, smtp, courseId, municipalityId);

        // 2. The course is withdrawn: one commit, a thousand messages.
        var before = smtp.Count;
        await WithdrawAsync(api, courseId);
        var (withdrawalCatalogue, withdrawnAt) = await CatalogueUntilAsync(http, () => smtp.Count - before >= People);
        Console.WriteLine($"withdrawal: last of {People} messages accepted {withdrawnAt.TotalSeconds:0.00} s after the commit; catalogue {withdrawalCatalogue:0} req/s");

        // 3. The same thousand messages, sent by MailKit in a plain loop over one connection.
        var messages = smtp.Received.Skip(before).Take(People).ToList();
        var plainLoop = await PlainLoopAsync(smtp, messages);
        Console.WriteLine($"plain MailKit loop: {People} messages in {plainLoop.TotalSeconds:0.00} s");
        var quietAfter = await LoadLoop.RequestsPerSecondAsync(token => CatalogueAsync(http, token), CatalogueWorkers, options.RoundDuration);
        var quiet = Math.Max(quietBefore, quietAfter);
        Console.WriteLine($"catalogue alone again: {quietAfter:0} req/s");

        var signUpDelivery = lastCommit + plainLoop;
        var withdrawalRatio = plainLoop / withdrawnAt;
        var signUpRatio = signUpDelivery / signedUpAt;
        var signUpCatalogueRatio = signUpCatalogue / quiet;
        var withdrawalCatalogueRatio = withdrawalCatalogue / quiet;
        Console.WriteLine($"ratios: withdrawal {withdrawalRatio:0.00}x, sign-ups {signUpRatio:0.00}x; catalogue during sign-ups {signUpCatalogueRatio:0.00}x, during withdrawal {withdrawalCatalogueRatio:0.00}x (goals 0.80x)");
        if (Directory.Exists(mailFolder))
        {
            Directory.Delete(mailFolder, recursive: true);
        }

        if (options.Record)
        {
            static string Met(double ratio) => ratio >= 0.8 ? "met" : "not met";
            BenchmarkReport.Record("notifications", $"""
                | burst ({People} people, SMTP server in the benchmark process on 127.0.0.1, {store.Name}) | time | against | ratio (goal ≥ 0.80×) |
                | --- | ---: | --- | ---: |
                | course withdrawn: commit → last of {People} messages accepted | {Seconds(withdrawnAt)} | MailKit plain loop of the same {People} messages: {Seconds(plainLoop)} | **{Ratio(withdrawalRatio)}×** ({Met(withdrawalRatio)}) |
                | {People} sign-ups by {SignUpWorkers} clients: first request → last confirmation accepted | {Seconds(signedUpAt)} | the sign-ups alone ({Seconds(lastCommit)}) + the plain loop ({Seconds(plainLoop)}) = {Seconds(signUpDelivery)} | **{Ratio(signUpRatio)}×** ({Met(signUpRatio)}) |
                | last sign-up committed → last confirmation accepted | {(signedUpAt - lastCommit).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms | | |

                | catalogue (`courses(first: 20)` with partner and location, {CatalogueWorkers} clients) | requests per second | ratio to alone (goal ≥ 0.80×) |
                | --- | ---: | ---: |
                | alone, the better of before ({quietBefore.ToString("0", CultureInfo.InvariantCulture)}) and after the bursts ({options.RoundDuration.TotalSeconds:0} s each) | {quiet.ToString("0", CultureInfo.InvariantCulture)} | |
                | during the {People} sign-ups | {signUpCatalogue.ToString("0", CultureInfo.InvariantCulture)} | **{Ratio(signUpCatalogueRatio)}×** ({Met(signUpCatalogueRatio)}) |
                | during the withdrawal's {People} messages | {withdrawalCatalogue.ToString("0", CultureInfo.InvariantCulture)} | **{Ratio(withdrawalCatalogueRatio)}×** ({Met(withdrawalCatalogueRatio)}) |
                """);
        }

        return 0;
    }

    /// <summary>Every person signs up, 16 at a time, while the catalogue is read: when the last sign-up committed and the last confirmation was accepted.</summary>
    private static async Task<(TimeSpan LastCommit, double Catalogue, TimeSpan LastConfirmation)> SignUpBurstAsync(
        HttpClient http, SmtpTestServer smtp, string courseId, string municipalityId)
    {
        var before = smtp.Count;
        var burst = Stopwatch.StartNew();
        var lastCommit = TimeSpan.Zero;
        var signUps = Task.Run(async () =>
        {
            var next = 0;
            await Task.WhenAll(Enumerable.Range(0, SignUpWorkers).Select(async _ =>
            {
                while (Interlocked.Increment(ref next) is var person && person <= People)
                {
                    await SignUpAsync(http, courseId, municipalityId, person);
                }
            }));
            lastCommit = burst.Elapsed;
        });
        var (signUpCatalogue, signedUpAt) = await CatalogueUntilAsync(http, () => smtp.Count - before >= People);
        await signUps;
        Console.WriteLine($"sign-ups: {People} committed in {lastCommit.TotalSeconds:0.00} s; last confirmation accepted {signedUpAt.TotalSeconds:0.00} s after the first request, " +
            $"{(signedUpAt - lastCommit).TotalMilliseconds:0} ms after the last commit; catalogue {signUpCatalogue:0} req/s");
        return (lastCommit, signUpCatalogue, signedUpAt);
    }

    private static string Seconds(TimeSpan time) => $"{time.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s";

    private static string Ratio(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture);

    private static async Task CatalogueAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var content = new StringContent(Catalogue, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("/graphql", content, cancellationToken);
        response.EnsureSuccessStatusCode();
        await response.Content.CopyToAsync(Stream.Null, cancellationToken);
    }

    /// <summary>Reads the catalogue until <paramref name="done"/> holds (at most <see cref="Patience"/>): its rate, and when it held.</summary>
    private static async Task<(double RequestsPerSecond, TimeSpan DoneAt)> CatalogueUntilAsync(HttpClient http, Func<bool> done)
    {
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(Patience);
        var doneAt = TimeSpan.Zero;
        var watcher = Task.Run(async () =>
        {
            while (!done())
            {
                stop.Token.ThrowIfCancellationRequested();
                await Task.Delay(2);
            }

            doneAt = clock.Elapsed;
            await stop.CancelAsync();
        });
        var completed = 0;
        await Task.WhenAll(Enumerable.Range(0, CatalogueWorkers).Select(async _ =>
        {
            while (!stop.IsCancellationRequested && completed < LoadLoop.MaxRequestsPerRound)
            {
                try
                {
                    await CatalogueAsync(http, stop.Token);
                    Interlocked.Increment(ref completed);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }
            }
        }));
        await watcher;
        return (completed / clock.Elapsed.TotalSeconds, doneAt);
    }

    private static async Task SignUpAsync(HttpClient http, string courseId, string municipalityId, int person)
    {
        var input = new { courseId, firstName = "Bewoner", email = $"bewoner-{person}@example.be", municipalityId, targetGroup = "SENIORS", consent = true };
        using var response = await http.PostAsJsonAsync("/graphql", new { query = SignUp, variables = new { input } });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !body.Contains("\"CONFIRMED\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Sign-up {person} failed: {body}");
        }
    }

    private static async Task<(string CourseId, string MunicipalityId)> CourseForEveryoneAsync(LoopbackApi api)
    {
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<DigibankDbContext>>().CreateDbContextAsync();
        var point = await db.HelpPoints.OrderBy(h => h.Id).FirstAsync();
        var partner = await db.Partners.OrderBy(p => p.Id).FirstAsync();
        var startsAt = DateTime.UtcNow.AddDays(30);
        var course = new Course
        {
            Title = "Digitaal veilig: een zaal vol",
            Summary = "Een cursus voor de benchmark.",
            PartnerId = partner.Id,
            ExternalId = $"bench-{Guid.NewGuid():N}",
            HelpPointId = point.Id,
            MunicipalityId = point.MunicipalityId,
            Capacity = People,
            Status = CourseStatus.Scheduled,
            StartsAt = startsAt,
            TargetGroups = [TargetGroup.Everyone],
            Sessions = [new CourseSession { StartsAt = startsAt, EndsAt = startsAt.AddHours(2) }],
            UpdatedAt = DateTime.UtcNow,
        };
        db.Courses.Add(course);
        await db.SaveChangesAsync();
        return (GlobalId.Encode(CourseType.TypeName, course.Id), GlobalId.Encode(MunicipalityType.TypeName, point.MunicipalityId));
    }

    /// <summary>The withdrawal a partner's upload makes, in one transaction.</summary>
    private static async Task WithdrawAsync(LoopbackApi api, string courseId)
    {
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<DigibankDbContext>>().CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await OfferWriter.WithdrawCoursesAsync(db, [GlobalId.DecodeFor(CourseType.TypeName, courseId)], DateTime.UtcNow, CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    private static async Task<TimeSpan> PlainLoopAsync(SmtpTestServer smtp, List<MimeMessage> messages)
    {
        var clock = Stopwatch.StartNew();
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", smtp.Port, SecureSocketOptions.None);
        foreach (var message in messages)
        {
            await client.SendAsync(message);
        }

        await client.DisconnectAsync(quit: true);
        return clock.Elapsed;
    }
}
