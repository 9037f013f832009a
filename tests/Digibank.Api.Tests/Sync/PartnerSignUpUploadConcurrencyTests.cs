using Digibank.Api.Courses;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Tests.Courses;
using Digibank.Api.Tests.GraphQL.Transport;
using Digibank.Partners.V1;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.Sync;

/// <summary>
/// A large partner upload and residents signing up at the same time, on Kestrel on 127.0.0.1: the upload
/// goes in batch by batch and the residents' sign-ups go in between, none of them failing.
/// </summary>
public sealed class PartnerSignUpUploadConcurrencyTests(LoopbackApiFactory api) : IClassFixture<LoopbackApiFactory>
{
    private const int UploadSize = 4000;
    private const int UploadCapacity = 25;
    private const int Residents = 50;
    private const int ResidentCourses = 5;
    private const int ResidentCapacity = 8;

    private const string SignUp = """
        mutation ($input: SignUpForCourseInput!) {
          signUpForCourse(input: $input) { signUp { status waitlistPosition } errors { ... on Error { code message } } }
        }
        """;

    [Fact]
    public async Task Fifty_residents_signing_up_while_a_4000_sign_up_upload_runs_all_get_a_seat_or_a_waiting_list_place()
    {
        var lovie = await PartnerSyncClient.ForAsync(api, "de-lovie");
        await lovie.UploadAsync(
            [PartnerSyncClient.Offer("RUSH-UPLOAD", capacity: UploadCapacity), .. Enumerable.Range(1, ResidentCourses).Select(i => PartnerSyncClient.Offer($"RUSH-RESIDENTS-{i}", capacity: ResidentCapacity))],
            UploadMode.Delta);
        var residentCourses = await ResidentCourseIdsAsync();
        var municipalityId = await TestCourses.MunicipalityIdAsync(api);
        var graphQL = api.CreateLoopbackGraphQLClient();

        var upload = lovie.UploadSignUpsAsync([.. Enumerable.Range(1, UploadSize).Select(i => new PartnerSignUp
        {
            ExternalId = $"RUSH-{i}",
            CourseExternalId = "RUSH-UPLOAD",
            FirstName = "Deelnemer",
            Email = $"rush-{i}@example.com",
            Municipality = "Poperinge",
            TargetGroup = "SENIORS",
        })]);
        // The residents come once the upload is being applied: its first sign-ups are in the database.
        await UntilAsync(async () => upload.IsCompleted || await UploadedAsync() > 0);

        var residents = await Task.WhenAll(Enumerable.Range(1, Residents).Select(person => graphQL.QueryAsync(SignUp, new
        {
            input = new
            {
                courseId = residentCourses[person % ResidentCourses],
                firstName = "Inwoner",
                email = $"rush-resident-{person}@example.com",
                municipalityId,
                targetGroup = "EVERYONE",
                consent = true,
            },
        })));
        var summary = await upload;

        Assert.All(residents, payload => Assert.Empty(payload["signUpForCourse"]!["errors"]!.AsArray()));
        Assert.All(residents, payload => Assert.Contains((string?)payload["signUpForCourse"]!["signUp"]!["status"], new[] { "CONFIRMED", "WAITLISTED" }));
        Assert.Equal(UploadSize, summary.Created);
        Assert.Empty(summary.Rejected);

        await using var db = api.CreateDbContext();
        var uploaded = await db.SignUps.Where(s => s.Course!.ExternalId == "RUSH-UPLOAD").OrderBy(s => s.Id).ToListAsync();
        Assert.Equal(UploadSize, uploaded.Count);
        Assert.All(uploaded.Take(UploadCapacity), s => Assert.Equal(SignUpStatus.Confirmed, s.Status));
        Assert.Equal(Enumerable.Range(1, UploadSize - UploadCapacity), uploaded.Skip(UploadCapacity).Select(s => s.WaitlistPosition ?? 0));
        var residentSignUps = await db.SignUps.Where(s => s.Course!.ExternalId.StartsWith("RUSH-RESIDENTS-")).ToListAsync();
        Assert.Equal(Residents, residentSignUps.Count);
        foreach (var course in residentSignUps.GroupBy(s => s.CourseId))
        {
            Assert.Equal(ResidentCapacity, course.Count(s => s.Status == SignUpStatus.Confirmed));
            Assert.Equal(Enumerable.Range(1, (Residents / ResidentCourses) - ResidentCapacity), course.Where(s => s.Status == SignUpStatus.Waitlisted).Select(s => s.WaitlistPosition ?? 0).Order());
        }

        // The residents did not wait for the whole upload: their sign-ups were stored between its batches.
        Assert.Contains(residentSignUps, s => s.Id < uploaded[^1].Id);
    }

    private async Task<List<string>> ResidentCourseIdsAsync()
    {
        await using var db = api.CreateDbContext();
        var ids = await db.Courses.Where(c => c.ExternalId.StartsWith("RUSH-RESIDENTS-")).OrderBy(c => c.ExternalId).Select(c => c.Id).ToListAsync();
        return [.. ids.Select(id => GlobalId.Encode(CourseType.TypeName, id))];
    }

    private async Task<int> UploadedAsync()
    {
        await using var db = api.CreateDbContext();
        return await db.SignUps.CountAsync(s => s.Course!.ExternalId == "RUSH-UPLOAD");
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        // Only a guard against a hang; the wait normally ends within the upload's first batch.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!await condition())
        {
            await Task.Delay(5, guard.Token);
        }
    }
}
