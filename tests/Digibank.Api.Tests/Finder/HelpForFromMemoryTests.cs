using Digibank.Api.Tests.Courses;

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
        "De brief van de belastingen kwam en ik moet mijn aangifte doen",
        "mijn kleinzoon stuurt fotos op whatsapp",
        "de school schrijft alleen via de app",
        "ik ben mijn itsme code vergeten",
        "hoe doe ik een overschrijving met mijn gsm",
        "mijn kaartlezer werkt niet",
        "ik kreeg een rare sms van de bank",
        "je dois faire ma déclaration d'impôts",
        "how do I make a video call with my grandchildren",
        "ik zoek werk via de vdab",
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
}
