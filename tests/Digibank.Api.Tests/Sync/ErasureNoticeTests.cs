using Digibank.Api.Courses;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Participants;
using Digibank.Api.Privacy;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Courses;
using Digibank.Partners.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Api.Tests.Sync;

/// <summary>A person erased on the platform is forgotten by the partners it told of them: an erasure notice per sign-up in their change feed.</summary>
public sealed class ErasureNoticeTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private const string Erase = """
        mutation ($input: EraseParticipantInput!) { eraseParticipant(input: $input) { errors { ... on Error { code } } } }
        """;

    [Fact]
    public async Task Erasing_a_person_puts_a_notice_for_each_of_their_platform_sign_ups_in_the_feed_of_the_partner_of_its_course()
    {
        var pom = await PartnerSyncClient.ForAsync(api, "pom-west-vlaanderen");
        var lovie = await PartnerSyncClient.ForAsync(api, "de-lovie");
        var vdab = await PartnerSyncClient.ForAsync(api, "vdab");
        await pom.UploadAsync([PartnerSyncClient.Offer("ERASE-POM-1"), PartnerSyncClient.Offer("ERASE-POM-2"), PartnerSyncClient.Offer("ERASE-POM-3")], UploadMode.Delta);
        await lovie.UploadAsync([PartnerSyncClient.Offer("ERASE-LOVIE-1")], UploadMode.Delta);
        await vdab.UploadAsync([PartnerSyncClient.Offer("ERASE-VDAB-1")], UploadMode.Delta);
        var atPom = await SignUpOnPlatformAsync("ERASE-POM-1", "Hilde", "hilde@example.com");
        var cancelledEarlier = await SignUpOnPlatformAsync("ERASE-POM-2", "Hilde", "hilde@example.com");
        await CancelAsync(cancelledEarlier);
        var atLovie = await SignUpOnPlatformAsync("ERASE-LOVIE-1", "Hilde", "hilde@example.com");
        // One POM took and closed itself: the feed never told POM of it, so there is nothing to forget.
        await pom.UploadSignUpsAsync(new PartnerSignUp { ExternalId = "POM-OWN-HILDE", CourseExternalId = "ERASE-POM-3", FirstName = "Hilde", Email = "hilde@example.com", Municipality = "Poperinge", TargetGroup = "PARENTS" });
        await pom.UploadSignUpsAsync(new PartnerSignUp { ExternalId = "POM-OWN-HILDE", CourseExternalId = "ERASE-POM-3", FirstName = "Hilde", Email = "hilde@example.com", Municipality = "Poperinge", TargetGroup = "PARENTS", Cancelled = true });
        var someoneElse = await SignUpOnPlatformAsync("ERASE-POM-1", "Ivo", "ivo@example.com");
        await SignUpOnPlatformAsync("ERASE-VDAB-1", "Ivo", "ivo@example.com");
        var (pomBefore, lovieBefore, vdabBefore) = (await pom.ChangesAsync(), await lovie.ChangesAsync(), await vdab.ChangesAsync());
        Assert.Contains(pomBefore, change => change.SignUpId == atPom && change.FirstName == "Hilde" && change.Email == "hilde@example.com" && !change.Erased);

        var erased = await api.CreateStaffClient(StaffRole.Coordinator).QueryAsync(Erase, new { input = new { participantId = await ParticipantOfAsync(atPom) } });

        Assert.Empty(erased["eraseParticipant"]!["errors"]!.AsArray());
        var pomNotices = await pom.ChangesAsync(pomBefore[^1].Cursor);
        var lovieNotices = await lovie.ChangesAsync(lovieBefore[^1].Cursor);
        Assert.Empty(await vdab.ChangesAsync(vdabBefore[^1].Cursor));
        Assert.Equal(new[] { atPom, cancelledEarlier }.Order(), pomNotices.Where(change => change.Erased).Select(change => change.SignUpId).Distinct().Order());
        Assert.Equal([atLovie], lovieNotices.Where(change => change.Erased).Select(change => change.SignUpId).Distinct());
        Assert.All(pomNotices.Concat(lovieNotices), change =>
        {
            Assert.True(change.Erased, $"{change.SignUpId} {change.Status}");
            Assert.Equal((string.Empty, string.Empty, string.Empty), (change.FirstName, change.Email, change.Phone));
        });
        Assert.Contains(pomNotices, change => change.SignUpId == cancelledEarlier && change.Status == "CANCELLED");
        Assert.Contains(pomNotices, change => change.SignUpId == atPom && change.Status == "CANCELLED");
        Assert.DoesNotContain(pomNotices, change => change.SignUpId == someoneElse);
        // Read again from the start, the feed holds nothing of her any more, and Ivo's changes as they were.
        var fromTheStart = await pom.ChangesAsync();
        Assert.DoesNotContain(fromTheStart, change => change.FirstName == "Hilde" || change.Email == "hilde@example.com");
        Assert.Contains(fromTheStart, change => change.SignUpId == someoneElse && change.FirstName == "Ivo" && !change.Erased);
    }

    [Fact]
    public async Task The_retention_sweep_puts_a_notice_for_each_sign_up_of_the_people_it_anonymises_in_the_feed()
    {
        var pom = await PartnerSyncClient.ForAsync(api, "pom-west-vlaanderen");
        await pom.UploadAsync([PartnerSyncClient.Offer("RETAIN-POM-1")], UploadMode.Delta);
        var now = api.Clock.GetUtcNow().UtcDateTime;
        int signUpId;
        await using (var db = api.CreateDbContext())
        {
            var course = await db.Courses.SingleAsync(c => c.ExternalId == "RETAIN-POM-1");
            var longAgo = new Participant { FirstName = "Oud", Email = "oud-pom@example.com", MunicipalityId = course.MunicipalityId, CreatedAt = now.AddDays(-800) };
            var signUp = new SignUp { CourseId = course.Id, Participant = longAgo, Channel = SignUpChannel.Web, Status = SignUpStatus.Attended, CreatedAt = now.AddDays(-700), UpdatedAt = now.AddDays(-700) };
            db.SignUps.Add(signUp);
            await db.SaveChangesAsync();
            signUpId = signUp.Id;
        }

        var cursor = (await pom.ChangesAsync()).Max(change => change.Cursor);

        await api.Services.GetRequiredService<RetentionService>().SweepAsync(CancellationToken.None);

        var notices = await pom.ChangesAsync(cursor);
        var notice = Assert.Single(notices, change => change.SignUpId == GlobalId.Encode(SignUpType.TypeName, signUpId) && change.Erased);
        Assert.Equal(("ATTENDED", string.Empty, string.Empty), (notice.Status, notice.FirstName, notice.Email));
        Assert.DoesNotContain(await pom.ChangesAsync(), change => change.Email == "oud-pom@example.com");
    }

    private async Task<string> SignUpOnPlatformAsync(string externalId, string firstName, string email)
    {
        await using var db = api.CreateDbContext();
        var courseId = GlobalId.Encode(CourseType.TypeName, await db.Courses.Where(c => c.ExternalId == externalId).Select(c => c.Id).SingleAsync());
        var data = await api.CreateGraphQLClient().QueryAsync(
            "mutation ($input: SignUpForCourseInput!) { signUpForCourse(input: $input) { signUp { id } errors { ... on Error { code } } } }",
            new { input = new { courseId, firstName, email, municipalityId = await TestCourses.MunicipalityIdAsync(api), targetGroup = "PARENTS", consent = true } });
        return (string)data["signUpForCourse"]!["signUp"]!["id"]!;
    }

    private async Task CancelAsync(string signUpId)
    {
        var data = await api.CreateStaffClient(StaffRole.Coordinator).QueryAsync(
            "mutation ($input: CancelSignUpInput!) { cancelSignUp(input: $input) { errors { ... on Error { code } } } }",
            new { input = new { signUpId } });
        Assert.Empty(data["cancelSignUp"]!["errors"]!.AsArray());
    }

    private async Task<string> ParticipantOfAsync(string signUpId)
    {
        await using var db = api.CreateDbContext();
        var id = GlobalId.DecodeFor(SignUpType.TypeName, signUpId);
        return GlobalId.Encode(ParticipantType.TypeName, await db.SignUps.Where(s => s.Id == id).Select(s => s.ParticipantId).SingleAsync());
    }
}
