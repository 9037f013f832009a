using Digibank.Api.Courses;
using Digibank.Api.Devices;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Participants;
using Digibank.Api.Privacy;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Courses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Api.Tests.Privacy;

public sealed class PrivacyTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private const string Erase = """
        mutation ($input: EraseParticipantInput!) {
          eraseParticipant(input: $input) { participant { firstName email phone isErased municipality { name } } errors { ... on Error { code } } }
        }
        """;

    [Fact]
    public async Task The_coordinator_erases_a_person_and_their_seat_goes_to_the_waiting_list()
    {
        var course = await TestCourses.AddAsync(api, capacity: 1);
        var (erased, _) = await SignUpAsync(course, "Yvonne", "yvonne@example.com");
        var (waiting, _) = await SignUpAsync(course, "Zeno", "zeno@example.com");
        var participantId = await ParticipantOfAsync(erased);

        var payload = (await api.CreateStaffClient(StaffRole.Coordinator).QueryAsync(Erase, new { input = new { participantId } }))["eraseParticipant"]!;

        Assert.Empty(payload["errors"]!.AsArray());
        Assert.Null((string?)payload["participant"]!["firstName"]);
        Assert.Null((string?)payload["participant"]!["email"]);
        Assert.True((bool)payload["participant"]!["isErased"]!);
        Assert.Equal("Poperinge", (string?)payload["participant"]!["municipality"]!["name"]);
        await using var db = api.CreateDbContext();
        Assert.Equal(SignUpStatus.Cancelled, (await db.SignUps.SingleAsync(s => s.Id == erased)).Status);
        Assert.Equal(SignUpStatus.Confirmed, (await db.SignUps.SingleAsync(s => s.Id == waiting)).Status);
        Assert.False(await db.Participants.AnyAsync(p => p.Email == "yvonne@example.com"));
    }

    [Fact]
    public async Task Only_the_coordinator_may_erase()
    {
        var course = await TestCourses.AddAsync(api, capacity: 3);
        var (signUp, _) = await SignUpAsync(course, "Arne", "arne@example.com");
        var participantId = await ParticipantOfAsync(signUp);

        var staff = await api.CreateStaffClient(StaffRole.Staff, "Bibliotheek Poperinge").QueryAsync(Erase, new { input = new { participantId } });
        var anonymous = await api.CreateGraphQLClient().PostAsync(Erase, new { input = new { participantId } });

        Assert.Equal("NOT_ALLOWED", (string?)staff["eraseParticipant"]!["errors"]![0]!["code"]);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], anonymous.ErrorCodes);
        await using var db = api.CreateDbContext();
        Assert.True(await db.Participants.AnyAsync(p => p.Email == "arne@example.com"));
    }

    [Fact]
    public async Task Someone_with_a_device_on_loan_is_not_erased_until_it_is_back()
    {
        await using var db = api.CreateDbContext();
        var borrower = await db.Loans.Where(l => l.ReturnedAt == null).Select(l => l.ParticipantId).FirstAsync();

        var payload = await api.CreateStaffClient(StaffRole.Coordinator).QueryAsync(Erase, new { input = new { participantId = GlobalId.Encode(ParticipantType.TypeName, borrower) } });

        Assert.Equal("PARTICIPANT_HAS_OPEN_LOAN", (string?)payload["eraseParticipant"]!["errors"]![0]!["code"]);
        Assert.NotNull((await db.Participants.SingleAsync(p => p.Id == borrower)).FirstName);
    }

    [Fact]
    public async Task After_the_retention_period_closed_histories_are_anonymised_and_open_ones_kept()
    {
        var now = api.Clock.GetUtcNow().UtcDateTime;
        int oldId, recentId, activeId;
        await using (var db = api.CreateDbContext())
        {
            var course = await db.Courses.FirstAsync();
            var old = new Participant { FirstName = "Oud", Email = "oud@example.com", MunicipalityId = course.MunicipalityId, CreatedAt = now.AddDays(-800) };
            var recent = new Participant { FirstName = "Recent", Email = "recent@example.com", MunicipalityId = course.MunicipalityId, CreatedAt = now.AddDays(-800) };
            var active = new Participant { FirstName = "Actief", Email = "actief@example.com", MunicipalityId = course.MunicipalityId, CreatedAt = now.AddDays(-800) };
            db.SignUps.AddRange(
                new SignUp { CourseId = course.Id, Participant = old, Status = SignUpStatus.Attended, CreatedAt = now.AddDays(-700), UpdatedAt = now.AddDays(-700) },
                new SignUp { CourseId = course.Id, Participant = recent, Status = SignUpStatus.Attended, CreatedAt = now.AddDays(-30), UpdatedAt = now.AddDays(-30) },
                new SignUp { CourseId = course.Id, Participant = active, Status = SignUpStatus.Waitlisted, WaitlistPosition = 99, CreatedAt = now.AddDays(-700), UpdatedAt = now.AddDays(-700) });
            await db.SaveChangesAsync();
            (oldId, recentId, activeId) = (old.Id, recent.Id, active.Id);
        }

        var anonymised = await api.Services.GetRequiredService<RetentionService>().SweepAsync(CancellationToken.None);

        await using var check = api.CreateDbContext();
        var people = await check.Participants.Where(p => p.Id == oldId || p.Id == recentId || p.Id == activeId).ToDictionaryAsync(p => p.Id);
        Assert.True(anonymised >= 1);
        Assert.Null(people[oldId].FirstName);
        Assert.Null(people[oldId].Email);
        Assert.NotNull(people[oldId].ErasedAt);
        Assert.Equal("Recent", people[recentId].FirstName);
        Assert.Equal("Actief", people[activeId].FirstName);
        Assert.Equal(1, await check.SignUps.CountAsync(s => s.ParticipantId == oldId));
    }

    private async Task<(int SignUpId, string Token)> SignUpAsync(string course, string firstName, string email)
    {
        var data = await api.CreateGraphQLClient().QueryAsync(
            "mutation ($input: SignUpForCourseInput!) { signUpForCourse(input: $input) { signUp { id } cancellationToken } }",
            new { input = new { courseId = course, firstName, email, municipalityId = await TestCourses.MunicipalityIdAsync(api), targetGroup = "PARENTS", consent = true } });
        return (GlobalId.DecodeFor("SignUp", (string)data["signUpForCourse"]!["signUp"]!["id"]!), (string)data["signUpForCourse"]!["cancellationToken"]!);
    }

    private async Task<string> ParticipantOfAsync(int signUpId)
    {
        await using var db = api.CreateDbContext();
        return GlobalId.Encode(ParticipantType.TypeName, (await db.SignUps.SingleAsync(s => s.Id == signUpId)).ParticipantId);
    }
}
