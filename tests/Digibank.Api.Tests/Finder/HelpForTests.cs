using System.Text.Json.Nodes;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Courses;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.Finder;

/// <summary>A resident's question in their own words, through GraphQL: topics, courses, places, a home visit and one plain sentence.</summary>
public sealed class HelpForTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private const string HelpFor = """
        query ($question: String!, $town: ID) {
          helpFor(question: $question, municipalityId: $town) {
            topics { topic { code name } score matchedWords }
            courses(first: 50) { totalCount nodes { id title startsAt municipality { name } topics { code } } }
            helpPoints { name nextOpenAt isOpenNow services }
            homeHelp
            explanation
          }
        }
        """;

    [Fact]
    public async Task A_question_about_the_tax_letter_finds_tax_on_web_courses_in_the_resident_s_town_first_and_places_open_soonest()
    {
        var answer = await AskAsync("De brief van de belastingen kwam en ik moet mijn belastingaangifte doen", "Heuvelland");

        var topics = answer["topics"]!.AsArray();
        Assert.Equal("tax-on-web", (string?)topics[0]!["topic"]!["code"]);
        Assert.Contains("belastingaangifte", topics[0]!["matchedWords"]!.AsArray().Select(word => (string?)word));
        var courses = answer["courses"]!["nodes"]!.AsArray();
        Assert.NotEmpty(courses);
        Assert.All(courses, course => Assert.Contains(course!["topics"]!.AsArray(), topic => topics.Any(t => (string?)t!["topic"]!["code"] == (string?)topic!["code"])));
        var towns = courses.Select(course => (string?)course!["municipality"]!["name"]).ToList();
        Assert.True(towns.SkipWhile(town => town == "Heuvelland").All(town => town != "Heuvelland"), $"Heuvelland's courses come first: {string.Join(", ", towns)}");
        foreach (var group in courses.GroupBy(course => (string?)course!["municipality"]!["name"]))
        {
            var dates = group.Select(course => (DateTime)course!["startsAt"]!).ToList();
            Assert.Equal(dates.Order(), dates);
        }

        var points = answer["helpPoints"]!.AsArray();
        Assert.InRange(points.Count, 1, 5);
        var opens = points.Select(point => (DateTime?)point!["nextOpenAt"]).ToList();
        Assert.All(opens, open => Assert.NotNull(open));
        Assert.Equal(opens.Order(), opens);
        Assert.True((bool)answer["homeHelp"]!);
        Assert.StartsWith("Je vraag gaat over Tax-on-web.", (string?)answer["explanation"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mijn kleinzoon stuurt fotos op whatsapp en ik kan ze nie zien", "photos")]
    [InlineData("ik ben de code van itsem vergeten", "itsme")]
    [InlineData("de juf schrijft alleen via smarschool", "smartschool")]
    [InlineData("je dois faire ma déclaration d'impôts en ligne", "tax-on-web")]
    [InlineData("someone phoned me saying my computer has a virus and asked for my password", "online-safety")]
    public async Task Everyday_words_misspellings_and_other_languages_find_their_topic_first(string question, string topic)
    {
        var answer = await AskAsync(question);

        Assert.Equal(topic, (string?)answer["topics"]![0]!["topic"]!["code"]);
    }

    [Fact]
    public async Task A_question_nothing_fits_says_so_plainly_and_suggests_nothing()
    {
        var answer = await AskAsync("qwxz blorp");

        Assert.Empty(answer["topics"]!.AsArray());
        Assert.Equal(0, (int)answer["courses"]!["totalCount"]!);
        Assert.Empty(answer["helpPoints"]!.AsArray());
        Assert.StartsWith("We vonden geen onderwerp", (string?)answer["explanation"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_or_endless_question_is_refused_with_a_code(string question)
    {
        var empty = await api.CreateGraphQLClient().PostAsync(HelpFor, new { question });
        var endless = await api.CreateGraphQLClient().PostAsync(HelpFor, new { question = new string('a', 501) });

        Assert.Equal(["INVALID_ARGUMENT"], empty.ErrorCodes);
        Assert.Equal(["INVALID_ARGUMENT"], endless.ErrorCodes);
    }

    [Fact]
    public async Task The_coordinator_teaches_the_finder_a_word_of_the_region_and_the_next_question_finds_it()
    {
        const string Word = "kaartjesmachien";
        const string Add = """
            mutation ($input: AddTopicWordsInput!) { addTopicWords(input: $input) { topic { code } words errors { ... on Error { code } } } }
            """;
        int topicId;
        await using (var db = api.CreateDbContext())
        {
            topicId = await db.Topics.Where(t => t.Code == "online-banking").Select(t => t.Id).SingleAsync();
        }

        var input = new { topicId = Digibank.Api.GraphQL.Relay.GlobalId.Encode("Topic", topicId), words = new[] { $"  {Word.ToUpperInvariant()} ", "geldautomaat" } };
        var before = await AskAsync($"waar is den {Word}");
        var byStaff = await api.CreateStaffClient(StaffRole.Staff, "Bibliotheek Poperinge").QueryAsync(Add, new { input });
        var anonymous = await api.CreateGraphQLClient().PostAsync(Add, new { input });
        var added = await api.CreateStaffClient(StaffRole.Coordinator).QueryAsync(Add, new { input });
        var after = await WaitForTopicAsync($"waar is den {Word}", "online-banking");

        Assert.DoesNotContain(before["topics"]!.AsArray(), topic => (string?)topic!["topic"]!["code"] == "online-banking");
        Assert.Equal("NOT_ALLOWED", (string?)byStaff["addTopicWords"]!["errors"]![0]!["code"]);
        Assert.Contains("AUTH_NOT_AUTHENTICATED", anonymous.ErrorCodes);
        Assert.Equal(["geldautomaat", Word], added["addTopicWords"]!["words"]!.AsArray().Select(word => (string?)word));
        Assert.Contains(Word, after["topics"]![0]!["matchedWords"]!.AsArray().Select(word => (string?)word));
    }

    [Fact]
    public async Task A_question_costs_the_same_few_SQL_statements_however_many_topics_courses_and_places_it_finds()
    {
        await AskAsync("warm up: belastingen");
        api.SqlStatements.Reset();
        await AskAsync("itsme", "Poperinge");
        var oneTopic = api.SqlStatements.Count;
        api.SqlStatements.Reset();
        await AskAsync("ik wil leren videobellen met mijn kleinkinderen, fotos sturen en mails lezen op mijn gsm", "Poperinge");
        var manyTopics = api.SqlStatements.Count;

        Assert.Equal(oneTopic, manyTopics);
        Assert.InRange(manyTopics, 1, 12);
    }

    private async Task<JsonNode> AskAsync(string question, string? town = null)
    {
        var data = await api.CreateGraphQLClient().QueryAsync(HelpFor, new { question, town = town is null ? null : await TestCourses.MunicipalityIdAsync(api, town) });
        return data["helpFor"]!;
    }

    // The word is committed first and reaches the finder through the outbox right after.
    private async Task<JsonNode> WaitForTopicAsync(string question, string topic)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var answer = await AskAsync(question);
            if (answer["topics"]!.AsArray().FirstOrDefault() is { } first && (string?)first["topic"]!["code"] == topic)
            {
                return answer;
            }

            Assert.True(DateTime.UtcNow < deadline, $"'{question}' does not find {topic}.");
            await Task.Delay(50);
        }
    }
}
