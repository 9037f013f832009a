using Digibank.Api.Courses;
using Digibank.Api.GraphQL.Relay;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.Courses;

public sealed class SignUpConcurrencyTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private const string SignUp = """
        mutation ($input: SignUpForCourseInput!) {
          signUpForCourse(input: $input) { signUp { status waitlistPosition } errors { ... on Error { code } } }
        }
        """;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Fifty_simultaneous_sign_ups_for_ten_seats_give_ten_seats_and_a_waiting_list_of_forty_in_order(int round)
    {
        var course = await TestCourses.AddAsync(api, capacity: 10);
        var municipalityId = await TestCourses.MunicipalityIdAsync(api);
        var client = api.CreateGraphQLClient();
        using var start = new SemaphoreSlim(0);

        var attempts = Enumerable.Range(1, 50).Select(async person =>
        {
            await start.WaitAsync();
            return await client.QueryAsync(SignUp, new
            {
                input = new { courseId = course, firstName = $"Persoon {person}", email = $"r{round}p{person}@example.com", municipalityId, targetGroup = "EVERYONE", consent = true },
            });
        }).ToList();
        start.Release(50);
        var payloads = await Task.WhenAll(attempts);

        Assert.All(payloads, payload => Assert.Empty(payload["signUpForCourse"]!["errors"]!.AsArray()));
        await using var db = api.CreateDbContext();
        var courseId = GlobalId.DecodeFor(CourseType.TypeName, course);
        var signUps = await db.SignUps.Where(s => s.CourseId == courseId).OrderBy(s => s.Id).ToListAsync();
        Assert.Equal(10, signUps.Count(s => s.Status == SignUpStatus.Confirmed));
        var waiting = signUps.Where(s => s.Status == SignUpStatus.Waitlisted).ToList();
        Assert.Equal(40, waiting.Count);
        // Places 1 to 40, handed out in the order the sign-ups were stored.
        Assert.Equal(Enumerable.Range(1, 40), waiting.Select(s => s.WaitlistPosition!.Value));
        Assert.True(signUps.Take(10).All(s => s.Status == SignUpStatus.Confirmed), "the first ten stored have the seats");
        Assert.Equal(CourseStatus.Full, (await db.Courses.SingleAsync(c => c.Id == courseId)).Status);
    }
}
