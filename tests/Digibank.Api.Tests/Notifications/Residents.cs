using System.Text.Json.Nodes;
using Digibank.Api.Courses;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Tests.Courses;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.Notifications;

/// <summary>Residents signing up as they would on a partner's website, and what the tests read back about their course.</summary>
public static class Residents
{
    public const string SignUpMutation = """
        mutation ($input: SignUpForCourseInput!) {
          signUpForCourse(input: $input) { signUp { id status } cancellationToken errors { ... on Error { code } } }
        }
        """;

    /// <summary>Signs a resident up anonymously with an e-mail address or a phone number; the payload of <c>signUpForCourse</c>.</summary>
    public static async Task<JsonNode> SignUpAsync(this DigibankApiFactory api, string course, string firstName, string? email = null, string? phone = null, bool smsConsent = false)
    {
        var payload = await api.CreateGraphQLClient().QueryAsync(SignUpMutation, new
        {
            input = new { courseId = course, firstName, email, phone, smsConsent, municipalityId = await TestCourses.MunicipalityIdAsync(api), targetGroup = "SENIORS", consent = true },
        });
        Assert.Empty(payload["signUpForCourse"]!["errors"]!.AsArray());
        return payload["signUpForCourse"]!;
    }

    public static async Task<string> TitleAsync(this DigibankApiFactory api, string course)
    {
        await using var db = api.CreateDbContext();
        var id = GlobalId.DecodeFor(CourseType.TypeName, course);
        return await db.Courses.Where(c => c.Id == id).Select(c => c.Title).SingleAsync();
    }

    /// <summary>The self-service link in a message's text.</summary>
    public static string LinkIn(string? text, string before) =>
        (text ?? string.Empty).Split('\n').SkipWhile(line => !line.StartsWith(before, StringComparison.Ordinal)).Skip(1).First().Trim();
}
