using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Digibank.Api.Partners;
using Digibank.Api.Sync;
using Digibank.Api.Testing;
using Digibank.Api.Vocabulary;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Bench;

/// <summary>
/// Whether every resident is told, exactly once, when things go wrong, with a real SMTP server in this process:
/// (1) the API as a process of its own, killed with SIGKILL in the middle of sending the messages of 1,000 sign-ups and
/// started again: messages lost and doubled; (2) a partner withdrawing 33,000 courses at once: how long until the next
/// resident's message goes out.
/// </summary>
public static class NotificationDeliveryBenchmark
{
    private const int People = 1_000;
    private const int Workers = 16;
    private const int WithdrawnCourses = 33_000;
    private const int SignedUpOnWithdrawn = 40;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private const string SignUp = """
        mutation ($input: SignUpForCourseInput!) { signUpForCourse(input: $input) { signUp { status } errors { ... on Error { code } } } }
        """;

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var killed = await KilledInTheMiddleAsync(options);
        var withdrawal = await AfterALargeWithdrawalAsync(options);
        if (options.Record)
        {
            static string Met(bool met) => met ? "met" : "not met";
            BenchmarkReport.Record("notifications-delivery", $"""
                | the API killed (SIGKILL) in the middle of sending {People} messages, then started again ({killed.Store}) | messages |
                | --- | ---: |
                | accepted by the mail server before the kill | {killed.AcceptedBeforeKill} |
                | residents with no message at the end (**lost**, goal 0) | **{killed.Lost}** ({Met(killed.Lost == 0)}) |
                | residents with two different messages (**doubled**, goal 0) | **{killed.Doubled}** ({Met(killed.Doubled == 0)}) |
                | the same message delivered again, with the same Message-ID (the one the mail server had taken when the kill came) | {killed.Repeats} |
                | from the restart to the last message accepted | {Seconds(killed.CatchUp)} |

                | a partner withdraws 33,000 courses at once, {SignedUpOnWithdrawn} residents signed up for them ({withdrawal.Store}) | time |
                | --- | ---: |
                | the next resident signs up: their answer → their message accepted by the mail server (goal under 5 s) | **{Seconds(withdrawal.NextResident)}** ({Met(withdrawal.NextResident < TimeSpan.FromSeconds(5))}) |
                | the withdrawal committed → the last of the {SignedUpOnWithdrawn} residents' messages accepted | {Seconds(withdrawal.AllWithdrawn)} |
                """);
        }

        return 0;
    }

    private static async Task<(string Store, int AcceptedBeforeKill, int Lost, int Doubled, int Repeats, TimeSpan CatchUp)> KilledInTheMiddleAsync(BenchOptions options)
    {
        await using var store = await BenchStore.CreateAsync(options);
        using var smtp = new SmtpTestServer();
        var mailFolder = Path.Combine(Path.GetTempPath(), $"digibank-bench-mail-{Guid.NewGuid():N}");
        var settings = new Dictionary<string, string>(store.Settings)
        {
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Notifications:Smtp:Security"] = "None",
            ["Notifications:MailFolder"] = mailFolder,
            ["Auth:SigningKey"] = "digibank-benchmark-signing-key-of-at-least-32-bytes",
        };
        var addresses = Enumerable.Range(1, People).Select(i => $"bewoner-{i}-{Guid.NewGuid():N}@example.be").ToList();
        int acceptedBeforeKill;
        using (var first = await ApiProcess.StartAsync(settings))
        {
            using var http = new HttpClient { BaseAddress = first.Http };
            var (course, town) = await ACourseAndATownAsync(http);
            Console.WriteLine($"API process on {first.Http} ({store.Name}); {People} residents sign up for one course, the waiting list behind its seats");
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, Workers).Select(async _ =>
            {
                while (Interlocked.Increment(ref next) is var person && person < People)
                {
                    await SignUpAsync(http, course, town, addresses[person], joinWaitingList: true);
                }
            }));

            await UntilAsync(() => smtp.Count >= People / 2, "Half of the messages did not go out");
            first.Kill();
            acceptedBeforeKill = smtp.Count;
            Console.WriteLine($"killed with {acceptedBeforeKill} messages accepted");
        }

        var restart = Stopwatch.StartNew();
        using (var second = await ApiProcess.StartAsync(settings))
        {
            await UntilAsync(() => addresses.All(address => smtp.To(address).Count > 0), "Not every resident was told after the restart");
        }

        var catchUp = restart.Elapsed;
        var received = addresses.ToDictionary(address => address, smtp.To);
        var lost = received.Count(each => each.Value.Count == 0);
        var doubled = received.Count(each => each.Value.Select(message => message.MessageId).Distinct().Count() > 1);
        var repeats = received.Sum(each => each.Value.Count - each.Value.Select(message => message.MessageId).Distinct().Count());
        Console.WriteLine($"after the restart: lost {lost}, doubled {doubled}, repeats of the same message {repeats}; caught up in {catchUp.TotalSeconds:0.0} s");
        if (Directory.Exists(mailFolder))
        {
            Directory.Delete(mailFolder, recursive: true);
        }

        return (store.Name, acceptedBeforeKill, lost, doubled, repeats, catchUp);
    }

    private static async Task<(string Store, TimeSpan NextResident, TimeSpan AllWithdrawn)> AfterALargeWithdrawalAsync(BenchOptions options)
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
        var factory = api.Services.GetRequiredService<IDbContextFactory<DigibankDbContext>>();
        var (courseIds, town) = await PartnerCatalogueAsync(factory);
        Console.WriteLine($"{courseIds.Count} courses of one partner; {SignedUpOnWithdrawn} residents sign up for some of them");
        var withdrawnAddresses = Enumerable.Range(1, SignedUpOnWithdrawn).Select(i => $"ingeschreven-{i}-{Guid.NewGuid():N}@example.be").ToList();
        for (var i = 0; i < SignedUpOnWithdrawn; i++)
        {
            await SignUpAsync(http, GlobalId.Encode(CourseType.TypeName, courseIds[i * (courseIds.Count / SignedUpOnWithdrawn)]), town, withdrawnAddresses[i], joinWaitingList: false);
        }

        await UntilAsync(() => withdrawnAddresses.All(address => smtp.To(address).Count == 1), "The sign-ups were not confirmed");
        var other = await OtherCourseAsync(factory);

        var clock = Stopwatch.StartNew();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await OfferWriter.WithdrawCoursesAsync(db, courseIds, DateTime.UtcNow, CancellationToken.None);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        var withdrawnAt = clock.Elapsed;
        var nextAddress = $"volgende-{Guid.NewGuid():N}@example.be";
        await SignUpAsync(http, other, town, nextAddress, joinWaitingList: false);
        var signedUpAt = clock.Elapsed;
        var nextToldAt = TimeSpan.Zero;
        var allToldAt = TimeSpan.Zero;
        await UntilAsync(() =>
        {
            if (nextToldAt == TimeSpan.Zero && smtp.To(nextAddress).Count > 0)
            {
                nextToldAt = clock.Elapsed;
            }

            if (allToldAt == TimeSpan.Zero && withdrawnAddresses.All(address => smtp.To(address).Count == 2))
            {
                allToldAt = clock.Elapsed;
            }

            return nextToldAt > TimeSpan.Zero && allToldAt > TimeSpan.Zero;
        }, "The messages after the withdrawal did not all go out");
        Console.WriteLine($"withdrawal of {courseIds.Count} committed in {withdrawnAt.TotalSeconds:0.00} s; the next resident told {(nextToldAt - signedUpAt).TotalSeconds:0.00} s after signing up; " +
            $"the {SignedUpOnWithdrawn} residents of withdrawn courses told {(allToldAt - withdrawnAt).TotalSeconds:0.00} s after the commit");
        if (Directory.Exists(mailFolder))
        {
            Directory.Delete(mailFolder, recursive: true);
        }

        return (store.Name, nextToldAt - signedUpAt, allToldAt - withdrawnAt);
    }

    /// <summary>One partner's catalogue of 33,000 courses at one help point, written in one statement, and a town.</summary>
    private static async Task<(List<int> CourseIds, string Town)> PartnerCatalogueAsync(IDbContextFactory<DigibankDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var seed = NewCourse(await db.HelpPoints.OrderBy(h => h.Id).FirstAsync(), await db.Partners.Where(p => p.Code == "vdab").Select(p => p.Id).SingleAsync(), "LARGE-SEED");
        db.Courses.Add(seed);
        await db.SaveChangesAsync();
        await CourseCopies.CopyAsync(db, "LARGE-SEED", "LARGE-", WithdrawnCourses - 1);
        var ids = await db.Courses.Where(c => c.PartnerId == seed.PartnerId && c.ExternalId.StartsWith("LARGE-")).Select(c => c.Id).ToListAsync();
        return (ids, GlobalId.Encode(Digibank.Api.Municipalities.MunicipalityType.TypeName, seed.MunicipalityId));
    }

    private static async Task<string> OtherCourseAsync(IDbContextFactory<DigibankDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var course = NewCourse(await db.HelpPoints.OrderBy(h => h.Id).FirstAsync(), await db.Partners.Where(p => p.Code == "ligo").Select(p => p.Id).SingleAsync(), $"NEXT-{Guid.NewGuid():N}");
        db.Courses.Add(course);
        await db.SaveChangesAsync();
        return GlobalId.Encode(CourseType.TypeName, course.Id);
    }

    private static Course NewCourse(Digibank.Api.HelpPoints.HelpPoint point, int partnerId, string externalId)
    {
        var startsAt = DateTime.UtcNow.AddDays(30);
        return new Course
        {
            Title = "Veilig online bankieren",
            Summary = "Een cursus voor de benchmark.",
            PartnerId = partnerId,
            ExternalId = externalId,
            HelpPointId = point.Id,
            MunicipalityId = point.MunicipalityId,
            Capacity = 20,
            Status = CourseStatus.Scheduled,
            StartsAt = startsAt,
            TargetGroups = [TargetGroup.Everyone],
            Sessions = [new CourseSession { StartsAt = startsAt, EndsAt = startsAt.AddHours(2) }],
            UpdatedAt = DateTime.UtcNow,
        };
    }

    private static async Task<(string Course, string Town)> ACourseAndATownAsync(HttpClient http)
    {
        var found = await QueryAsync(http, "{ courses(first: 1, where: { seatsLeft: { gt: 0 } }) { nodes { id } } municipalities(first: 1) { nodes { id } } }", null);
        return ((string)found["courses"]!["nodes"]![0]!["id"]!, (string)found["municipalities"]!["nodes"]![0]!["id"]!);
    }

    private static async Task SignUpAsync(HttpClient http, string course, string town, string email, bool joinWaitingList)
    {
        var payload = await QueryAsync(http, SignUp, new
        {
            input = new { courseId = course, firstName = "Bewoner", email, municipalityId = town, targetGroup = "SENIORS", consent = true, joinWaitingList },
        });
        if (payload["signUpForCourse"]!["errors"]!.AsArray().Count > 0)
        {
            throw new InvalidOperationException($"The sign-up of {email} failed: {payload.ToJsonString()}");
        }
    }

    private static async Task<JsonNode> QueryAsync(HttpClient http, string query, object? variables)
    {
        using var response = await http.PostAsJsonAsync("/graphql", new { query, variables });
        var body = await response.Content.ReadFromJsonAsync<JsonNode>();
        return body?["errors"] is null && body?["data"] is { } data ? data : throw new InvalidOperationException($"GraphQL failed: {body?.ToJsonString()}");
    }

    private static async Task UntilAsync(Func<bool> done, string failure)
    {
        var deadline = Stopwatch.StartNew();
        while (!done())
        {
            if (deadline.Elapsed > Patience)
            {
                throw new TimeoutException($"{failure} within {Patience.TotalMinutes} minutes.");
            }

            await Task.Delay(5);
        }
    }

    private static string Seconds(TimeSpan time) => $"{time.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s";
}
