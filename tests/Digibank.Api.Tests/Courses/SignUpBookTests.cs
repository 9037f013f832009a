using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Participants;
using Digibank.Api.Privacy;
using Digibank.Api.Sync;
using Digibank.Partners.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Api.Tests.Courses;

/// <summary>
/// The sign-up rules on the database itself, without GraphQL: a freed seat goes to the first on the waiting
/// list and the others move up one, whether staff cancel, a person is erased or a partner's upload cancels.
/// </summary>
public sealed class SignUpBookTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private const int Capacity = 2;
    private const int Waiting = 3;

    private DateTime Now => api.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Cancelling_a_seat_of_a_full_course_gives_it_to_the_first_on_the_waiting_list_and_moves_the_others_up()
    {
        var course = await FullCourseAsync();
        await using var db = api.CreateDbContext();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        var seat = await db.SignUps.SingleAsync(s => s.Id == course.Confirmed[0]);

        var promoted = await new SignUpBook(db, Now).CancelAsync(seat, CancellationToken.None);
        await db.SaveChangesAsync();

        Assert.Equal(course.Waitlisted[0], promoted?.Id);
        await AssertFirstOnTheWaitingListGotTheSeatAsync(course);
    }

    [Fact]
    public async Task Cancelling_a_waiting_list_place_promotes_no_one_and_moves_those_behind_up()
    {
        var course = await FullCourseAsync();
        await using var db = api.CreateDbContext();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        var second = await db.SignUps.SingleAsync(s => s.Id == course.Waitlisted[1]);

        var promoted = await new SignUpBook(db, Now).CancelAsync(second, CancellationToken.None);
        await db.SaveChangesAsync();

        Assert.Null(promoted);
        Assert.Equal(
            [(SignUpStatus.Confirmed, null), (SignUpStatus.Confirmed, null), (SignUpStatus.Waitlisted, 1), (SignUpStatus.Cancelled, null), (SignUpStatus.Waitlisted, 2)],
            await PlacesAsync(course));
    }

    [Fact]
    public async Task Erasing_a_person_with_a_seat_gives_it_to_the_first_on_the_waiting_list()
    {
        var course = await FullCourseAsync();
        await using var db = api.CreateDbContext();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        var personId = await db.SignUps.Where(s => s.Id == course.Confirmed[0]).Select(s => s.ParticipantId).SingleAsync();
        var person = await db.Participants.SingleAsync(p => p.Id == personId);

        await ParticipantPrivacy.EraseAsync(db, person, api.Services.GetRequiredService<Digibank.Api.Notifications.MailFolder>(), Now, CancellationToken.None);
        await db.SaveChangesAsync();

        await AssertFirstOnTheWaitingListGotTheSeatAsync(course);
    }

    [Fact]
    public async Task A_partner_cancelling_a_seat_in_an_upload_gives_it_to_the_first_on_the_waiting_list()
    {
        var course = await FullCourseAsync();
        var import = new PartnerSignUpImport(
            api.Services.GetRequiredService<IDbContextFactory<DigibankDbContext>>(), api.Services.GetRequiredService<WriteQueue>(), course.PartnerId, Now);

        var summary = await import.ImportAsync(
            [new PartnerSignUp
            {
                ExternalId = $"{course.ExternalId}-1",
                CourseExternalId = course.ExternalId,
                FirstName = "Deelnemer",
                Email = $"{course.ExternalId}-1@example.com",
                Municipality = "Poperinge",
                TargetGroup = "SENIORS",
                Cancelled = true,
            }],
            CancellationToken.None);

        Assert.Equal((1, 0), (summary.Updated, summary.Rejected.Count));
        await AssertFirstOnTheWaitingListGotTheSeatAsync(course);
    }

    [Fact]
    public async Task A_new_sign_up_takes_a_free_seat_and_else_the_end_of_the_waiting_list()
    {
        var course = new Course { Title = "Eén plaats", Summary = "Een cursus met één plaats.", ExternalId = "ONE", Capacity = 1, Status = CourseStatus.Scheduled };
        var first = new SignUp();
        var second = new SignUp();

        var afterFirst = SignUpBook.Place(course, first, SeatCounts.None);
        var afterSecond = SignUpBook.Place(course, second, afterFirst);

        Assert.Equal((SignUpStatus.Confirmed, (int?)null), (first.Status, first.WaitlistPosition));
        Assert.Equal((SignUpStatus.Waitlisted, (int?)1), (second.Status, second.WaitlistPosition));
        Assert.Equal(new SeatCounts(1, 1), afterSecond);
        Assert.Equal(CourseStatus.Full, course.Status);
    }

    private async Task AssertFirstOnTheWaitingListGotTheSeatAsync(TestCourse course)
    {
        Assert.Equal(
            [(SignUpStatus.Cancelled, null), (SignUpStatus.Confirmed, null), (SignUpStatus.Confirmed, null), (SignUpStatus.Waitlisted, 1), (SignUpStatus.Waitlisted, 2)],
            await PlacesAsync(course));
        await using var db = api.CreateDbContext();
        Assert.Equal(CourseStatus.Full, await db.Courses.Where(c => c.Id == course.Id).Select(c => c.Status).SingleAsync());
    }

    private async Task<List<(SignUpStatus, int?)>> PlacesAsync(TestCourse course)
    {
        await using var db = api.CreateDbContext();
        var signUps = await db.SignUps.Where(s => s.CourseId == course.Id).OrderBy(s => s.Id).Select(s => new { s.Status, s.WaitlistPosition }).ToListAsync();
        return [.. signUps.Select(s => (s.Status, s.WaitlistPosition))];
    }

    /// <summary>A partner's course with two seats, both taken, and three on the waiting list; sign-ups in that order of id.</summary>
    private async Task<TestCourse> FullCourseAsync()
    {
        var courseId = GlobalId.DecodeFor(CourseType.TypeName, await TestCourses.AddAsync(api, Capacity, status: CourseStatus.Full));
        await using var db = api.CreateDbContext();
        var course = await db.Courses.SingleAsync(c => c.Id == courseId);
        var signUps = Enumerable.Range(1, Capacity + Waiting).Select(i => new SignUp
        {
            CourseId = course.Id,
            Participant = new Participant
            {
                FirstName = $"Deelnemer {i}",
                Email = $"{course.ExternalId}-{i}@example.com",
                MunicipalityId = course.MunicipalityId,
                TargetGroup = TargetGroup.Seniors,
                ConsentGivenAt = Now,
                CreatedAt = Now,
            },
            ExternalId = $"{course.ExternalId}-{i}",
            Channel = SignUpChannel.Partner,
            Status = i <= Capacity ? SignUpStatus.Confirmed : SignUpStatus.Waitlisted,
            WaitlistPosition = i <= Capacity ? null : i - Capacity,
            CreatedAt = Now,
            UpdatedAt = Now,
        }).ToList();
        foreach (var signUp in signUps)
        {
            db.SignUps.Add(signUp);
            await db.SaveChangesAsync();
        }

        return new TestCourse(
            course.Id,
            course.PartnerId,
            course.ExternalId,
            [.. signUps.Take(Capacity).Select(s => s.Id)],
            [.. signUps.Skip(Capacity).Select(s => s.Id)]);
    }

    private sealed record TestCourse(int Id, int PartnerId, string ExternalId, int[] Confirmed, int[] Waitlisted);
}
