using Digibank.Api.Courses;
using Digibank.Api.Devices;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Digibank.Api.Notifications;
using Digibank.Api.Participants;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Courses;
using Digibank.Api.Tests.Sync;
using Digibank.Partners.V1;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Api.Tests.Notifications;

/// <summary>The messages time causes (tomorrow's session, a loan due or overdue) and those a partner's changed offer causes.</summary>
public sealed class RemindersAndCourseChangesTests(NotificationsApiFactory api) : RestoresClock(api.Clock), IClassFixture<NotificationsApiFactory>
{
    private Reminders Reminders => api.Services.GetRequiredService<Reminders>();

    [Fact]
    public async Task The_day_before_a_session_everyone_with_a_seat_is_reminded_once_however_often_the_reminders_run()
    {
        var course = await TestCourses.AddAsync(api, capacity: 1);
        // Monday 30 November, 10:00 in Poperinge: the session is tomorrow at 14:00.
        var tomorrowAtTwo = new DateTime(2026, 12, 1, 13, 0, 0, DateTimeKind.Utc);
        await MoveFirstSessionAsync(course, tomorrowAtTwo);
        var (seated, waiting) = ($"tomorrow-{Guid.NewGuid():N}@example.com", $"tomorrow-wait-{Guid.NewGuid():N}@example.com");
        await api.SignUpAsync(course, "Marleen", seated);
        await api.SignUpAsync(course, "Jozef", waiting);
        await api.MailToAsync(waiting);

        await Reminders.RunAsync(CancellationToken.None);
        await Reminders.RunAsync(CancellationToken.None);

        var reminder = await api.MailToAsync(seated, count: 2);
        Assert.Equal($"Morgen: {await api.TitleAsync(course)}", reminder.Subject);
        Assert.Contains("Wanneer: dinsdag 1 december 2026 om 14.00 uur", reminder.TextBody, StringComparison.Ordinal);
        Assert.Contains("/self-service/", Residents.LinkIn(reminder.TextBody, "Kan je niet meer komen voor de hele cursus?"), StringComparison.Ordinal);
        await api.UntilQuietAsync();
        Assert.Equal(2, api.Smtp.To(seated).Count);
        Assert.Single(api.Smtp.To(waiting));
    }

    [Fact]
    public async Task A_borrower_is_told_two_days_before_the_loan_is_due_and_again_once_when_it_is_overdue()
    {
        var email = $"borrower-{Guid.NewGuid():N}@example.com";
        var now = api.Clock.GetUtcNow().UtcDateTime;
        await LendAsync(email, dueAt: now.AddDays(1).AddHours(2));

        await Reminders.RunAsync(CancellationToken.None);
        var dueSoon = await api.MailToAsync(email);
        api.Clock.Current += TimeSpan.FromDays(2);
        await Reminders.RunAsync(CancellationToken.None);
        await Reminders.RunAsync(CancellationToken.None);
        var overdue = await api.MailToAsync(email, count: 2);

        Assert.Equal("Breng je laptop binnen twee dagen terug", dueSoon.Subject);
        Assert.Contains("Breng hem terug ten laatste op dinsdag 1 december 2026.", dueSoon.TextBody, StringComparison.Ordinal);
        Assert.Equal("Je laptop is te laat", overdue.Subject);
        Assert.Contains("Waar: Bibliotheek Poperinge", overdue.TextBody, StringComparison.Ordinal);
        await api.UntilQuietAsync();
        Assert.Equal(2, api.Smtp.To(email).Count);
    }

    [Fact]
    public async Task When_the_partner_s_offer_cancels_a_course_everyone_signed_up_hears_it_is_cancelled()
    {
        var (partner, offer, course) = await PartnerCourseAsync();
        var email = $"cancelled-{Guid.NewGuid():N}@example.com";
        await api.SignUpAsync(course, "Gilberte", email);
        await api.MailToAsync(email);

        offer.Cancelled = true;
        var summary = await partner.UploadAsync([offer], UploadMode.Delta);

        Assert.Equal(1, summary.Updated);
        var message = await api.MailToAsync(email, count: 2);
        Assert.Equal($"Gaat niet door: {offer.Title}", message.Subject);
        Assert.Contains("is geannuleerd", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_partner_moves_a_session_everyone_signed_up_hears_the_new_date_and_an_unchanged_offer_says_nothing()
    {
        var (partner, offer, course) = await PartnerCourseAsync();
        var email = $"moved-{Guid.NewGuid():N}@example.com";
        await api.SignUpAsync(course, "Roger", email);
        await api.MailToAsync(email);

        await partner.UploadAsync([offer], UploadMode.Delta);
        var later = new DateTime(2026, 12, 22, 13, 30, 0, DateTimeKind.Utc);
        offer.Sessions[0].StartsAt = Timestamp.FromDateTime(later);
        offer.Sessions[0].EndsAt = Timestamp.FromDateTime(later.AddHours(2));
        await partner.UploadAsync([offer], UploadMode.Delta);

        var message = await api.MailToAsync(email, count: 2);
        Assert.Equal($"Nieuwe datum: {offer.Title}", message.Subject);
        Assert.Contains("De eerste les is nu op dinsdag 22 december 2026 om 14.30 uur.", message.TextBody, StringComparison.Ordinal);
        await api.UntilQuietAsync();
        Assert.Equal(2, api.Smtp.To(email).Count);
    }

    [Fact]
    public async Task Staff_cancel_tomorrow_s_session_and_move_another_everyone_signed_up_hears_it_and_no_reminder_goes_out_for_the_cancelled_one()
    {
        const string Change = "mutation ($input: ChangeCourseSessionInput!) { changeCourseSession(input: $input) { courseSession { cancelled startsAt } errors { ... on Error { code } } } }";
        var course = await TestCourses.AddAsync(api, capacity: 5);
        var courseId = GlobalId.DecodeFor(CourseType.TypeName, course);
        var tomorrowAtTwo = new DateTime(2026, 12, 1, 13, 0, 0, DateTimeKind.Utc);
        int tomorrow, later;
        await using (var db = api.CreateDbContext())
        {
            later = await db.CourseSessions.Where(s => s.CourseId == courseId).Select(s => s.Id).SingleAsync();
            var session = db.CourseSessions.Add(new CourseSession { CourseId = courseId, StartsAt = tomorrowAtTwo, EndsAt = tomorrowAtTwo.AddHours(2) }).Entity;
            await db.SaveChangesAsync();
            tomorrow = session.Id;
        }

        var email = $"sessions-{Guid.NewGuid():N}@example.com";
        await api.SignUpAsync(course, "Godelieve", email);
        await api.MailToAsync(email);
        var library = api.CreateStaffClient(StaffRole.Staff, "Bibliotheek Poperinge");
        var moved = new DateTime(2026, 12, 15, 13, 0, 0, DateTimeKind.Utc);

        var otherPoint = await api.CreateStaffClient(StaffRole.Staff, "Buurtsalon Krombeke").QueryAsync(Change, new { input = new { sessionId = GlobalId.Encode("CourseSession", tomorrow), cancelled = true } });
        var cancelled = await library.QueryAsync(Change, new { input = new { sessionId = GlobalId.Encode("CourseSession", tomorrow), cancelled = true } });
        var toldCancelled = await api.MailToAsync(email, count: 2);
        var movedPayload = await library.QueryAsync(Change, new { input = new { sessionId = GlobalId.Encode("CourseSession", later), startsAt = moved, endsAt = moved.AddHours(2) } });
        var toldMoved = await api.MailToAsync(email, count: 3);
        await Reminders.RunAsync(CancellationToken.None);
        var feed = Ical.Net.Calendar.Load(await api.CreateClient().GetStringAsync($"/calendar/courses/{course}.ics"))!;

        Assert.Equal("NOT_ALLOWED", (string?)otherPoint["changeCourseSession"]!["errors"]![0]!["code"]);
        Assert.True((bool)cancelled["changeCourseSession"]!["courseSession"]!["cancelled"]!);
        // Each message says what happened to which session, and which remain.
        Assert.StartsWith("Eén les gaat niet door:", toldCancelled.Subject, StringComparison.Ordinal);
        Assert.Contains("op dinsdag 1 december 2026 om 14.00 uur gaat niet door.", toldCancelled.TextBody, StringComparison.Ordinal);
        Assert.Contains("Deze lessen gaan wel door:\n- maandag 14 december 2026 om 10.00 uur\n", (toldCancelled.TextBody ?? string.Empty).ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Empty(movedPayload["changeCourseSession"]!["errors"]!.AsArray());
        Assert.StartsWith("Les verplaatst:", toldMoved.Subject, StringComparison.Ordinal);
        Assert.Contains("op maandag 14 december 2026 om 10.00 uur is verplaatst.", toldMoved.TextBody, StringComparison.Ordinal);
        Assert.Contains("De les is nu op dinsdag 15 december 2026 om 14.00 uur.", toldMoved.TextBody, StringComparison.Ordinal);
        Assert.Contains("Alle lessen die nog komen:\n- dinsdag 15 december 2026 om 14.00 uur\n", (toldMoved.TextBody ?? string.Empty).ReplaceLineEndings("\n"), StringComparison.Ordinal);
        await api.UntilQuietAsync();
        Assert.DoesNotContain(api.Smtp.To(email), message => (message.Subject ?? string.Empty).StartsWith("Morgen", StringComparison.Ordinal));
        Assert.Equal(["CANCELLED", "CONFIRMED"], feed.Events.OrderBy(e => e.DtStart!.AsUtc).Select(e => e.Status));
        Assert.Equal(moved, feed.Events.Max(e => e.DtStart!.AsUtc));
    }

    private async Task<(PartnerSyncClient Partner, CourseOffer Offer, string Course)> PartnerCourseAsync()
    {
        var partner = await PartnerSyncClient.ForAsync(api, "bib-poperinge");
        var offer = PartnerSyncClient.Offer($"changes-{Guid.NewGuid():N}", title: $"Veilig online bankieren {Guid.NewGuid():N}"[..40]);
        Assert.Equal(1, (await partner.UploadAsync([offer], UploadMode.Delta)).Created);
        await using var db = api.CreateDbContext();
        var id = await db.Courses.Where(c => c.ExternalId == offer.ExternalId).Select(c => c.Id).SingleAsync();
        return (partner, offer, GlobalId.Encode(CourseType.TypeName, id));
    }

    private async Task MoveFirstSessionAsync(string course, DateTime startsAt)
    {
        await using var db = api.CreateDbContext();
        var id = GlobalId.DecodeFor(CourseType.TypeName, course);
        await db.CourseSessions.Where(s => s.CourseId == id).ExecuteUpdateAsync(set => set.SetProperty(s => s.StartsAt, startsAt).SetProperty(s => s.EndsAt, startsAt.AddHours(2)));
        await db.Courses.Where(c => c.Id == id).ExecuteUpdateAsync(set => set.SetProperty(c => c.StartsAt, startsAt));
    }

    private async Task LendAsync(string email, DateTime dueAt)
    {
        await using var db = api.CreateDbContext();
        var library = await db.HelpPoints.SingleAsync(h => h.Name == "Bibliotheek Poperinge");
        var laptop = await db.Devices.AsTracking().FirstAsync(d => d.HomeHelpPointId == library.Id && d.Kind == DeviceKind.Laptop && d.Status == DeviceStatus.Available);
        var borrower = db.Participants.Add(new Participant
        {
            FirstName = "Lucienne",
            Email = email,
            MunicipalityId = library.MunicipalityId,
            ConsentGivenAt = dueAt.AddDays(-28),
            CreatedAt = dueAt.AddDays(-28),
        }).Entity;
        laptop.Status = DeviceStatus.OnLoan;
        db.Loans.Add(new Loan { Device = laptop, Participant = borrower, HelpPointId = library.Id, CheckedOutAt = dueAt.AddDays(-28), DueAt = dueAt });
        await db.SaveChangesAsync();
    }
}
