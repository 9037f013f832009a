using Digibank.Api.Participants;
using Digibank.Api.Tests.Courses;
using Digibank.Api.Tests.Notifications;
using Digibank.Api.Tests.Sync;
using Digibank.Partners.V1;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.Participants;

/// <summary>
/// A first name only greets its person: names of any script go in, and anything that could carry someone's words into a
/// Digibank message (digits, addresses, links, signs, line breaks, placeholders) is refused with a clear error.
/// </summary>
public sealed class FirstNameTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    public static TheoryData<string> Refused => new(
        "Jan. Betaal €5 op evil.example/pay",
        "{CourseTitle} {CancelLink}",
        "Jan\n---\nKlik hier",
        "Jan\r\nBetaal nu",
        "Jan\u202Eyap",
        "evil.example",
        "jan@example.com",
        "Jan 2",
        "Jan Betaal nu op onze site",
        "Jan\tde Vos",
        "<script>",
        "---",
        "Jan: bel 0470",
        "...");

    public static TheoryData<string, string> Accepted => new()
    {
        { "Anne-Marie", "Anne-Marie" },
        { "Marie-Thérèse", "Marie-Thérèse" },
        { "D'Hondt", "D'Hondt" },
        { "J.P.", "J.P." },
        { "Ma. Teresa", "Ma. Teresa" },
        { "Zoë", "Zoë" },
        { "محمد", "محمد" },
        { "Αλέξανδρος", "Αλέξανδρος" },
        { "  Jean   Pierre ", "Jean Pierre" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_first_name_that_is_no_name_is_refused_with_a_clear_error_and_nothing_is_stored(string firstName)
    {
        var email = $"naam-{Guid.NewGuid():N}@example.com";

        var payload = (await api.CreateGraphQLClient().QueryAsync(
            "mutation ($input: SignUpForCourseInput!) { signUpForCourse(input: $input) { signUp { id } errors { ... on Error { code message } ... on InvalidInputError { field } } } }",
            new { input = new { courseId = await TestCourses.AddAsync(api, capacity: 5), firstName, email, municipalityId = await TestCourses.MunicipalityIdAsync(api), targetGroup = "SENIORS", consent = true } }))["signUpForCourse"]!;

        var error = Assert.Single(payload["errors"]!.AsArray())!;
        Assert.Equal(("INVALID_INPUT", "firstName"), ((string?)error["code"], (string?)error["field"]));
        Assert.Contains("letters, spaces, apostrophes, hyphens and dots only", (string?)error["message"], StringComparison.Ordinal);
        await using var db = api.CreateDbContext();
        Assert.False(await db.Participants.AnyAsync(p => p.Email == email));
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task A_name_of_any_script_goes_in_with_single_spaces(string firstName, string stored)
    {
        var email = $"naam-{Guid.NewGuid():N}@example.com";

        await api.SignUpAsync(await TestCourses.AddAsync(api, capacity: 5), firstName, email: email);

        await using var db = api.CreateDbContext();
        Assert.Equal(stored, await db.Participants.Where(p => p.Email == email).Select(p => p.FirstName).SingleAsync());
    }

    [Fact]
    public async Task A_partner_s_sign_up_with_a_name_that_is_no_name_is_rejected_with_its_reason_and_the_others_go_in()
    {
        var partner = await PartnerSyncClient.ForAsync(api, "bib-poperinge");
        var offer = PartnerSyncClient.Offer($"names-{Guid.NewGuid():N}");
        await partner.UploadAsync([offer], UploadMode.Delta);
        PartnerSignUp SignUp(string externalId, string firstName) => new()
        {
            ExternalId = externalId, CourseExternalId = offer.ExternalId, FirstName = firstName, Email = $"{externalId}@example.com", Municipality = "Poperinge", TargetGroup = "SENIORS",
        };

        var summary = await partner.UploadSignUpsAsync(SignUp($"good-{Guid.NewGuid():N}", "Godelieve"), SignUp($"bad-{Guid.NewGuid():N}", "Godelieve\n---\nKlik hier: http://evil.example"));

        Assert.Equal(1, summary.Created);
        var rejected = Assert.Single(summary.Rejected);
        Assert.StartsWith("bad-", rejected.ExternalId, StringComparison.Ordinal);
        Assert.Contains("letters, spaces, apostrophes, hyphens and dots only", rejected.Reason, StringComparison.Ordinal);
    }
}
