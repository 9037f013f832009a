using Digibank.Api.Courses;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Participants;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Courses;
using Digibank.Api.Tests.Sync;
using Digibank.Partners.V1;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.Participants;

/// <summary>People from the demo region who sign up again, typing their phone number their own way.</summary>
public sealed class KnownResidentTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private const string SignUp = """
        mutation ($input: SignUpForCourseInput!) {
          signUpForCourse(input: $input) { signUp { id } errors { ... on Error { code message } } }
        }
        """;

    private const string WhoSignedUp = "query ($course: ID!) { courseSignUps(courseId: $course) { participant { id firstName phone } } }";

    [Theory]
    [InlineData("0490 00 00 27")]
    [InlineData("0490/00.00.27")]
    [InlineData("+32 490 00 00 27")]
    public async Task A_seeded_resident_signing_up_with_their_phone_typed_differently_is_recognised(string typed)
    {
        var maria = await SeededParticipantAsync("Maria");
        var course = await TestCourses.AddAsync(api, capacity: 5);
        var before = await CountParticipantsAsync();

        var payload = (await api.CreateGraphQLClient().QueryAsync(SignUp, new
        {
            input = new { courseId = course, firstName = "Maria", phone = typed, municipalityId = await TestCourses.MunicipalityIdAsync(api), targetGroup = "SENIORS", consent = true },
        }))["signUpForCourse"]!;

        Assert.Empty(payload["errors"]!.AsArray());
        Assert.Equal(before, await CountParticipantsAsync());
        var participant = Assert.Single((await api.CreateStaffClient(StaffRole.Coordinator).QueryAsync(WhoSignedUp, new { course }))["courseSignUps"]!.AsArray())!["participant"]!;
        Assert.Equal(maria, (string?)participant["id"]);
        Assert.Equal("0490000027", (string?)participant["phone"]);
    }

    [Fact]
    public async Task A_partner_upload_with_a_spaced_phone_finds_the_same_resident()
    {
        var sofie = await SeededParticipantAsync("Sofie");
        var lovie = await PartnerSyncClient.ForAsync(api, "de-lovie");
        await lovie.UploadAsync([PartnerSyncClient.Offer("KNOWN-1", capacity: 5)], UploadMode.Delta);
        var before = await CountParticipantsAsync();

        var summary = await lovie.UploadSignUpsAsync(new PartnerSignUp
        {
            ExternalId = "KNOWN-P-1",
            CourseExternalId = "KNOWN-1",
            FirstName = "Sofie",
            Phone = "0490 00 00 14",
            Municipality = "Poperinge",
            TargetGroup = "PARENTS",
        });

        Assert.Equal(1, summary.Created);
        Assert.Empty(summary.Rejected);
        Assert.Equal(before, await CountParticipantsAsync());
        await using var db = api.CreateDbContext();
        var signUp = await db.SignUps.Include(s => s.Participant).SingleAsync(s => s.ExternalId == "KNOWN-P-1");
        Assert.Equal(sofie, GlobalId.Encode(ParticipantType.TypeName, signUp.ParticipantId));
        Assert.Equal("0490000014", signUp.Participant!.Phone);
    }

    private async Task<string> SeededParticipantAsync(string firstName)
    {
        await using var db = api.CreateDbContext();
        var participant = await db.Participants.SingleAsync(p => p.FirstName == firstName && p.Phone != null);
        return GlobalId.Encode(ParticipantType.TypeName, participant.Id);
    }

    private async Task<int> CountParticipantsAsync()
    {
        await using var db = api.CreateDbContext();
        return await db.Participants.CountAsync();
    }
}
