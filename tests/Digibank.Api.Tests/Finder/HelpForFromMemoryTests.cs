using System.Text.Json.Nodes;
using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.Municipalities;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Partners;
using Digibank.Api.Sync;
using Digibank.Api.Tests.Courses;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.Finder;

/// <summary>
/// `helpFor` as the load benchmark and the README ask it is answered from memory: the finder's index, the help
/// point directory and the upcoming courses per topic. Once those are read, a question sends no SQL at all.
/// </summary>
public sealed class HelpForFromMemoryTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    /// <summary>The document of bench/Digibank.Bench/HelpForBenchmark.cs.</summary>
    private const string AsTheBenchmarkAsks =
        "query ($q: String!) { helpFor(question: $q) { topics { topic { code } score } courses(first: 5) { nodes { id title startsAt } } helpPoints { name nextOpenAt } homeHelp explanation } }";

    /// <summary>The document of README's "Ask it in your own words", with the resident's town.</summary>
    private const string AsTheReadmeAsks = """
        query ($q: String!, $town: ID) {
          helpFor(question: $q, municipalityId: $town) {
            topics { topic { code } score matchedWords }
            courses(first: 2) { nodes { title startsAt municipality { name } } }
            helpPoints { name nextOpenAt }
            homeHelp
            explanation
          }
        }
        """;

    /// <summary>The benchmark's ten questions and README's three.</summary>
    public static readonly TheoryData<string> Questions =
    [
        .. ResidentQuestions.Benchmark,
        "Mijn kleinzoon stuurt foto's op WhatsApp en ik kan ze niet openen",
        "La école de ma fille envoie tout par Smartschool",
    ];

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task A_question_as_the_benchmark_and_the_README_ask_it_sends_no_SQL_once_warm(string question)
    {
        var client = api.CreateGraphQLClient();
        var town = await TestCourses.MunicipalityIdAsync(api, "Heuvelland");
        await client.QueryAsync(AsTheBenchmarkAsks, new { q = "warm up: belastingen" });
        await client.QueryAsync(AsTheReadmeAsks, new { q = "warm up: belastingen", town });
        api.SqlStatements.Reset();

        await client.QueryAsync(AsTheBenchmarkAsks, new { q = question });
        var benchmark = api.SqlStatements.Count;
        await client.QueryAsync(AsTheReadmeAsks, new { q = question });
        await client.QueryAsync(AsTheReadmeAsks, new { q = question, town });
        var readme = api.SqlStatements.Count - benchmark;

        Assert.True(benchmark == 0 && readme == 0, $"SQL statements: {benchmark} for the benchmark's document, {readme} for README's two.");
    }

    [Theory]
    [InlineData("De brief van de belastingen kwam en ik moet mijn aangifte doen", "Heuvelland")]
    [InlineData("ik wil leren videobellen met mijn kleinkinderen, fotos sturen en mails lezen op mijn gsm", "Poperinge")]
    [InlineData("mijn kleinzoon stuurt fotos op whatsapp", null)]
    public async Task The_courses_from_memory_are_the_rows_the_database_gives_when_a_client_asks_for_more_and_the_sentence_names_the_first(string question, string? town)
    {
        const string Courses = """
            query ($q: String!, $town: ID, $after: String) {
              helpFor(question: $q, municipalityId: $town) {
                fromMemory: courses(first: 100) { totalCount nodes { id title startsAt municipality { name } } }
                fromDatabase: courses(first: 100) { nodes { id title startsAt municipality { name } seatsLeft } }
                next: courses(first: 2, after: $after) { nodes { id } }
                explanation
              }
            }
            """;
        var variables = new { q = question, town = town is null ? null : await TestCourses.MunicipalityIdAsync(api, town), after = "MA" };

        var answer = (await api.CreateGraphQLClient().QueryAsync(Courses, variables))["helpFor"]!;

        var fromMemory = answer["fromMemory"]!["nodes"]!.AsArray();
        var fromDatabase = answer["fromDatabase"]!["nodes"]!.AsArray();
        Assert.True(fromMemory.Count >= 3, $"'{question}' finds {fromMemory.Count} courses.");
        Assert.Equal(fromMemory.Count, (int)answer["fromMemory"]!["totalCount"]!);
        Assert.Equal(fromMemory.Select(Shown), fromDatabase.Select(Shown));
        Assert.Equal(fromMemory.Skip(1).Take(2).Select(course => (string?)course!["id"]), answer["next"]!["nodes"]!.AsArray().Select(course => (string?)course!["id"]));
        Assert.Contains($"\"{fromMemory[0]!["title"]}\"", (string?)answer["explanation"], StringComparison.Ordinal);
        Assert.Contains($" in {fromMemory[0]!["municipality"]!["name"]}.", (string?)answer["explanation"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_course_a_partner_adds_is_suggested_once_its_sync_run_is_recorded_and_no_longer_once_it_is_withdrawn()
    {
        const string Question = "de juf schrijft alleen via smartschool";
        var town = await TestCourses.MunicipalityIdAsync(api, "Heuvelland");
        await FirstCourseAsync(Question, town);
        var (courseId, title) = await AddSmartschoolCourseSoonAsync("Heuvelland");

        var beforeTheRun = await FirstCourseAsync(Question, town);
        await SaveAsync(async db => db.SyncRuns.Add(new SyncRun
        {
            PartnerId = (await db.Partners.FirstAsync()).Id, PluginName = "test", StartedAt = Now, FinishedAt = Now, Outcome = SyncOutcome.Succeeded,
        }));
        var afterTheRun = await WaitForFirstCourseAsync(Question, town, first => (string?)first?["id"] == courseId);
        await SaveAsync(db => OfferWriter.WithdrawCoursesAsync(db, [GlobalId.DecodeFor(CourseType.TypeName, courseId)], Now, CancellationToken.None));
        var afterTheWithdrawal = await WaitForFirstCourseAsync(Question, town, first => (string?)first?["id"] != courseId);

        Assert.NotEqual(courseId, (string?)beforeTheRun?["id"]);
        Assert.Equal(title, (string?)afterTheRun!["title"]);
        Assert.NotEqual(courseId, (string?)afterTheWithdrawal?["id"]);
    }

    private DateTime Now => api.Clock.GetUtcNow().UtcDateTime;

    private static string Shown(JsonNode? course) => $"{course!["id"]} {course["title"]} {course["startsAt"]} {course["municipality"]!["name"]}";

    private async Task<JsonNode?> FirstCourseAsync(string question, string town) =>
        (await api.CreateGraphQLClient().QueryAsync(AsTheReadmeAsks.Replace("title startsAt", "id title startsAt", StringComparison.Ordinal), new { q = question, town }))
            ["helpFor"]!["courses"]!["nodes"]!.AsArray().FirstOrDefault();

    // The change is committed first and reaches the finder through the outbox right after.
    private async Task<JsonNode?> WaitForFirstCourseAsync(string question, string town, Func<JsonNode?, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var first = await FirstCourseAsync(question, town);
            if (done(first) || DateTime.UtcNow > deadline)
            {
                return first;
            }

            await Task.Delay(50);
        }
    }

    private async Task SaveAsync(Func<DigibankDbContext, Task> change)
    {
        await using var db = api.CreateDbContext();
        await change(db);
        await db.SaveChangesAsync();
    }

    /// <summary>A course on Smartschool in the town that starts in two hours, sooner than any other there; no event tells of it.</summary>
    private async Task<(string Id, string Title)> AddSmartschoolCourseSoonAsync(string town)
    {
        await using var db = api.CreateDbContext();
        var municipality = await db.Municipalities.SingleAsync(m => m.Name == town);
        var course = new Course
        {
            Title = $"Smartschool voor grootouders {Guid.NewGuid():N}",
            Summary = "Berichten van de school lezen.",
            PartnerId = (await db.Partners.FirstAsync()).Id,
            ExternalId = Guid.NewGuid().ToString("N"),
            VenueName = "Zaal",
            MunicipalityId = municipality.Id,
            Capacity = 12,
            Status = CourseStatus.Scheduled,
            StartsAt = Now.AddHours(2),
            Topics = [await db.Topics.AsTracking().SingleAsync(t => t.Code == "smartschool")],
            TargetGroups = [TargetGroup.Everyone],
            Sessions = [new CourseSession { StartsAt = Now.AddHours(2), EndsAt = Now.AddHours(4) }],
            UpdatedAt = Now,
        };
        db.Courses.Add(course);
        await db.SaveChangesAsync();
        return (GlobalId.Encode(CourseType.TypeName, course.Id), course.Title);
    }
}
