using Digibank.Api.Courses;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Digibank.Api.HelpRequests;
using Digibank.Api.Notifications;
using Digibank.Api.Participants;
using Digibank.Api.Privacy;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Courses;
using Digibank.Api.Tests.HelpRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Digibank.Api.Tests.Notifications;

/// <summary>What a resident hears, through a real SMTP server on 127.0.0.1, and the call list for who has no e-mail.</summary>
public sealed class NotificationTests(NotificationsApiFactory api) : RestoresClock(api.Clock), IClassFixture<NotificationsApiFactory>
{
    private const string SignUp = Residents.SignUpMutation;

    [Fact]
    public async Task A_sign_up_with_a_seat_gets_one_e_mail_in_plain_Dutch_with_the_date_and_the_place()
    {
        var course = await TestCourses.AddAsync(api, capacity: 5);
        var email = $"marleen-{Guid.NewGuid():N}@example.com";

        await SignUpAsync(course, "Marleen", email);

        var message = await MailToAsync(email);
        var title = await TitleAsync(course);
        Assert.Equal($"Je bent ingeschreven: {title}", message.Subject);
        var body = message.TextBody;
        Assert.Contains("Dag Marleen,", body, StringComparison.Ordinal);
        Assert.Contains("Wanneer: maandag 14 december 2026 om 10.00 uur", body, StringComparison.Ordinal);
        Assert.Contains("Waar: Bibliotheek Poperinge", body, StringComparison.Ordinal);
        await api.UntilQuietAsync();
        Assert.Single(api.Smtp.To(email));
    }

    [Fact]
    public async Task When_a_seat_is_cancelled_the_first_on_the_waiting_list_hears_that_there_is_a_seat()
    {
        var course = await TestCourses.AddAsync(api, capacity: 1);
        var (seated, waiting) = ($"seat-{Guid.NewGuid():N}@example.com", $"wait-{Guid.NewGuid():N}@example.com");
        var seat = await SignUpAsync(course, "Jozef", seated);
        await SignUpAsync(course, "Maria", waiting);
        var waitlisted = await MailToAsync(waiting);

        var cancelled = await api.CreateGraphQLClient().QueryAsync(
            "mutation ($input: CancelSignUpInput!) { cancelSignUp(input: $input) { errors { ... on Error { code } } } }",
            new { input = new { signUpId = (string)seat["signUp"]!["id"]!, cancellationToken = (string)seat["cancellationToken"]! } });

        Assert.Empty(cancelled["cancelSignUp"]!["errors"]!.AsArray());
        Assert.StartsWith("Je staat op de wachtlijst", waitlisted.Subject, StringComparison.Ordinal);
        Assert.Contains("Je bent nummer 1.", waitlisted.TextBody, StringComparison.Ordinal);
        var movedUp = await MailToAsync(waiting, count: 2);
        Assert.StartsWith("Er is een plaats voor jou", movedUp.Subject, StringComparison.Ordinal);
        Assert.Single(api.Smtp.To(seated));
    }

    [Fact]
    public async Task When_the_partner_withdraws_a_course_everyone_still_signed_up_hears_it_does_not_take_place()
    {
        var course = await TestCourses.AddAsync(api, capacity: 1);
        var (seated, waiting) = ($"gone-seat-{Guid.NewGuid():N}@example.com", $"gone-wait-{Guid.NewGuid():N}@example.com");
        await SignUpAsync(course, "Jozef", seated);
        await SignUpAsync(course, "Maria", waiting);
        await MailToAsync(waiting);
        await using (var db = api.CreateDbContext())
        {
            var id = GlobalId.DecodeFor(CourseType.TypeName, course);
            var externalId = await db.Courses.Where(c => c.Id == id).Select(c => c.ExternalId).SingleAsync();
            var partner = await Digibank.Api.Tests.Sync.PartnerSyncClient.ForAsync(api, "bib-poperinge");
            var summary = await partner.UploadAsync([], Digibank.Partners.V1.UploadMode.Delta, removals: [externalId]);
            Assert.Equal(1, summary.Withdrawn);
        }

        var title = await TitleAsync(course);
        Assert.Equal($"Gaat niet door: {title}", (await MailToAsync(seated, count: 2)).Subject);
        Assert.Equal($"Gaat niet door: {title}", (await MailToAsync(waiting, count: 2)).Subject);
    }

    [Fact]
    public async Task A_planned_home_visit_is_told_with_the_day_and_the_hour()
    {
        var mobileTeam = api.CreateStaffClient(StaffRole.Staff, "Mobiele digiploeg");
        var email = $"visit-{Guid.NewGuid():N}@example.com";
        string skill;
        await using (var db = api.CreateDbContext())
        {
            skill = await db.Digibuddies.Where(d => d.FirstName == "Jonas").SelectMany(d => d.Skills).Select(t => t.Code).FirstAsync();
        }

        var request = await mobileTeam.RegisterAsync(api.Question(skill, "Poperinge") with { Channel = "HOME_VISIT", Email = email });
        await mobileTeam.AssignAsync(request, api.DigibuddyId("Jonas"));
        var startsAt = new DateTime(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);
        await mobileTeam.MutateAsync("scheduleHomeVisit", new { helpRequestId = request, startsAt, endsAt = startsAt.AddHours(1) });

        var message = await MailToAsync(email);
        Assert.Equal("Wij komen bij je thuis", message.Subject);
        Assert.Contains("Wanneer: donderdag 3 december 2026 om 10.00 uur", message.TextBody, StringComparison.Ordinal);
        await api.UntilQuietAsync();
        Assert.Single(api.Smtp.To(email));
    }

    [Fact]
    public async Task Someone_signed_up_at_the_counter_without_an_e_mail_address_is_on_the_call_list_of_that_help_point()
    {
        var course = await TestCourses.AddAsync(api, capacity: 5);
        var staff = api.CreateStaffClient(StaffRole.Staff, "Bibliotheek Poperinge");
        var payload = await staff.QueryAsync(SignUp, new
        {
            input = new { courseId = course, firstName = "Odette", municipalityId = await TestCourses.MunicipalityIdAsync(api), targetGroup = "SENIORS", consent = true },
        });
        var signUpId = GlobalId.DecodeFor(SignUpType.TypeName, (string)payload["signUpForCourse"]!["signUp"]!["id"]!);

        var task = await WaitForAsync(async db =>
        {
            var participantId = await db.SignUps.Where(s => s.Id == signUpId).Select(s => s.ParticipantId).SingleAsync();
            return await db.CallTasks.SingleOrDefaultAsync(t => t.ParticipantId == participantId);
        });

        await using var db = api.CreateDbContext();
        Assert.Equal(await db.HelpPoints.Where(h => h.Name == "Bibliotheek Poperinge").Select(h => (int?)h.Id).SingleAsync(), task.HelpPointId);
        Assert.Equal((NotificationReason.SignUpConfirmed, CallOutcome.Open), (task.Reason, task.Outcome));
        Assert.Contains("Dag Odette,", task.Script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_of_the_point_see_whom_to_call_and_mark_a_call_and_no_one_else_sees_the_list()
    {
        var course = await TestCourses.AddAsync(api, capacity: 5, helpPoint: "Buurtsalon Krombeke");
        var krombeke = api.CreateStaffClient(StaffRole.Staff, "Buurtsalon Krombeke");
        await krombeke.QueryAsync(SignUp, new
        {
            input = new { courseId = course, firstName = "Albert", phone = "0470 99 88 77", municipalityId = await TestCourses.MunicipalityIdAsync(api), targetGroup = "SENIORS", consent = true },
        });
        var task = await WaitForAsync(db => db.CallTasks.FirstOrDefaultAsync(t => t.Script!.Contains("Dag Albert,")));
        var point = GlobalId.Encode("HelpPoint", task.HelpPointId!.Value);
        const string CallList = "query ($point: ID!) { callList(helpPointId: $point) { id reason outcome script participant { firstName phone } } }";
        const string MarkCalled = "mutation ($input: MarkCalledInput!) { markCalled(input: $input) { callTask { outcome calledBy } errors { ... on Error { code } } } }";

        var list = (await krombeke.QueryAsync(CallList, new { point }))["callList"]!.AsArray();
        var albert = list.Single(task => (string?)task!["participant"]!["firstName"] == "Albert")!;
        var notReached = await krombeke.QueryAsync(MarkCalled, new { input = new { callTaskId = (string)albert["id"]!, reached = false } });
        var stillListed = (await krombeke.QueryAsync(CallList, new { point }))["callList"]!.AsArray();
        var reached = await krombeke.QueryAsync(MarkCalled, new { input = new { callTaskId = (string)albert["id"]!, reached = true } });
        var afterwards = (await krombeke.QueryAsync(CallList, new { point }))["callList"]!.AsArray();
        var otherPoint = await api.CreateStaffClient(StaffRole.Staff, "Bibliotheek Poperinge").PostAsync(CallList, new { point });
        var anonymous = await api.CreateGraphQLClient().PostAsync(CallList, new { point });

        Assert.Equal(("SIGN_UP_CONFIRMED", "OPEN", "0470998877"), ((string?)albert["reason"], (string?)albert["outcome"], (string?)albert["participant"]!["phone"]));
        Assert.Equal("NOT_REACHED", (string?)notReached["markCalled"]!["callTask"]!["outcome"]);
        Assert.Contains(stillListed, task => (string?)task!["id"] == (string?)albert["id"]);
        Assert.Equal("REACHED", (string?)reached["markCalled"]!["callTask"]!["outcome"]);
        Assert.DoesNotContain(afterwards, task => (string?)task!["id"] == (string?)albert["id"]);
        Assert.Contains("AUTH_NOT_AUTHORIZED", otherPoint.ErrorCodes);
        Assert.Contains("AUTH_NOT_AUTHENTICATED", anonymous.ErrorCodes);
    }

    [Fact]
    public async Task A_refused_e_mail_is_tried_again_on_its_schedule_and_then_shown_as_failed()
    {
        var course = await TestCourses.AddAsync(api, capacity: 5);
        var email = $"refused-{Guid.NewGuid():N}@example.com";
        var sender = api.Services.GetRequiredService<NotificationSender>();
        var retries = api.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<NotificationOptions>>().Value.RetryDelays;
        api.Smtp.Refuse = true;
        try
        {
            await SignUpAsync(course, "Gilbert", email);
            var notification = await WaitForAsync(db => db.Notifications.SingleOrDefaultAsync(n => n.Recipient == email && n.Attempts == 1 && n.LastError != null));
            Assert.Equal(NotificationStatus.Pending, notification.Status);
            Assert.Contains("mailbox unavailable", notification.LastError, StringComparison.Ordinal);

            foreach (var delay in retries)
            {
                api.Clock.Current += delay;
                await sender.SendDueAsync(CancellationToken.None);
            }
        }
        finally
        {
            api.Smtp.Refuse = false;
        }

        await using var db = api.CreateDbContext();
        var failed = await db.Notifications.SingleAsync(n => n.Recipient == email);
        Assert.Equal((NotificationStatus.Failed, retries.Length + 1), (failed.Status, failed.Attempts));
        Assert.Empty(api.Smtp.To(email));
        const string Failed = "{ failedMessages { recipient attempts lastError participant { firstName } } }";
        var seen = (await api.CreateStaffClient(StaffRole.Coordinator).QueryAsync(Failed))["failedMessages"]!.AsArray()
            .Single(message => (string?)message!["recipient"] == email)!;
        Assert.Equal(("Gilbert", retries.Length + 1), ((string?)seen["participant"]!["firstName"], (int)seen["attempts"]!));
        Assert.Contains("mailbox unavailable", (string?)seen["lastError"], StringComparison.Ordinal);
        Assert.Contains("AUTH_NOT_AUTHORIZED", (await api.CreateStaffClient(StaffRole.Staff, "Bibliotheek Poperinge").PostAsync(Failed)).ErrorCodes);
    }

    [Fact]
    public async Task An_erased_person_gets_nothing_that_was_still_waiting_to_be_sent()
    {
        var course = await TestCourses.AddAsync(api, capacity: 5);
        var email = $"erased-{Guid.NewGuid():N}@example.com";
        api.Smtp.Refuse = true;
        int participantId;
        try
        {
            await SignUpAsync(course, "Roger", email);
            var waiting = await WaitForAsync(db => db.Notifications.SingleOrDefaultAsync(n => n.Recipient == email && n.Attempts == 1 && n.LastError != null));
            participantId = waiting.ParticipantId;
            await using var db = api.CreateDbContext();
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
            await using var transaction = await db.Database.BeginTransactionAsync();
            await ParticipantPrivacy.EraseAsync(db, await db.Participants.SingleAsync(p => p.Id == participantId), api.Services.GetRequiredService<MailFolder>(), api.Clock.GetUtcNow().UtcDateTime, CancellationToken.None);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        finally
        {
            api.Smtp.Refuse = false;
        }

        api.Clock.Current += TimeSpan.FromHours(3);
        await api.Services.GetRequiredService<NotificationSender>().SendDueAsync(CancellationToken.None);

        await using var check = api.CreateDbContext();
        Assert.False(await check.Notifications.AnyAsync(n => n.ParticipantId == participantId));
        Assert.Empty(api.Smtp.To(email));
    }

    private Task<System.Text.Json.Nodes.JsonNode> SignUpAsync(string course, string firstName, string email) => api.SignUpAsync(course, firstName, email);

    private Task<string> TitleAsync(string course) => api.TitleAsync(course);

    private Task<MimeMessage> MailToAsync(string address, int count = 1) => api.MailToAsync(address, count);

    private Task<T> WaitForAsync<T>(Func<Digibank.Api.Data.DigibankDbContext, Task<T?>> find)
        where T : class => api.WaitForAsync(find);
}
