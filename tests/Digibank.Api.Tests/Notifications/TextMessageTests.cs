using Digibank.Api.Notifications;
using Digibank.Api.Tests.Courses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Api.Tests.Notifications;

/// <summary>Texts through a generic HTTP SMS gateway on 127.0.0.1, only to people who agreed to them.</summary>
public sealed class TextMessageTests(NotificationsApiFactory api) : RestoresClock(api.Clock), IClassFixture<NotificationsApiFactory>
{
    [Fact]
    public async Task Someone_who_agreed_to_texts_gets_one_text_with_the_message_and_a_link_to_cancel()
    {
        var course = await TestCourses.AddAsync(api, capacity: 5);
        var phone = UniqueMobile();

        await api.SignUpAsync(course, "Els", phone: phone, smsConsent: true);

        // The gateway gets the number as E.164, whatever form it was typed and stored in.
        var text = await api.TextToAsync(InE164(phone));
        Assert.Equal($"+32{phone[1..]}", text.To);
        Assert.Equal("Digibank", text.From);
        Assert.StartsWith("Dag Els,", text.Text, StringComparison.Ordinal);
        Assert.Contains("Wanneer: maandag 14 december 2026 om 10.00 uur", text.Text, StringComparison.Ordinal);
        Assert.StartsWith("http://127.0.0.1:5080/self-service/", Residents.LinkIn(text.Text, "Wil je je plaats vrijgeven?"), StringComparison.Ordinal);
        await api.UntilQuietAsync();
        Assert.Single(api.Sms.To(InE164(phone)));
        await using var db = api.CreateDbContext();
        Assert.False(await db.CallTasks.AnyAsync(t => t.Notification!.Recipient == phone));
    }

    [Fact]
    public async Task Someone_who_gave_a_phone_number_without_agreeing_to_texts_is_phoned_by_staff()
    {
        var course = await TestCourses.AddAsync(api, capacity: 5);
        var phone = UniqueMobile();

        await api.SignUpAsync(course, "Norbert", phone: phone);

        var task = await api.WaitForAsync(db => db.CallTasks.Include(t => t.Notification).FirstOrDefaultAsync(t => t.Notification!.Recipient == phone));
        Assert.Equal(NotificationChannel.CallList, task.Notification!.Channel);
        Assert.DoesNotContain("http", task.Script, StringComparison.Ordinal);
        await api.UntilQuietAsync();
        Assert.Empty(api.Sms.To(InE164(phone)));
    }

    [Fact]
    public async Task A_text_the_gateway_refuses_is_sent_once_on_the_next_try()
    {
        var course = await TestCourses.AddAsync(api, capacity: 5);
        var phone = UniqueMobile();
        api.Sms.Refuse = true;
        try
        {
            await api.SignUpAsync(course, "Rita", phone: phone, smsConsent: true);
            var refused = await api.WaitForAsync(db => db.Notifications.SingleOrDefaultAsync(n => n.Recipient == phone && n.Attempts == 1 && n.LastError != null));
            Assert.Equal((NotificationChannel.Sms, NotificationStatus.Pending), (refused.Channel, refused.Status));
            Assert.Contains("The SMS gateway answered 503", refused.LastError, StringComparison.Ordinal);
        }
        finally
        {
            api.Sms.Refuse = false;
        }

        api.Clock.Current += TimeSpan.FromMinutes(1);
        await api.Services.GetRequiredService<NotificationSender>().SendDueAsync(CancellationToken.None);

        await api.TextToAsync(InE164(phone));
        await using var db = api.CreateDbContext();
        var sent = await db.Notifications.SingleAsync(n => n.Recipient == phone);
        Assert.Equal((NotificationStatus.Sent, 2), (sent.Status, sent.Attempts));
        Assert.Single(api.Sms.To(InE164(phone)));
    }

    [Fact]
    public async Task Agreeing_to_texts_without_a_mobile_number_is_refused_with_a_clear_error()
    {
        var course = await TestCourses.AddAsync(api, capacity: 5);

        var payload = await api.CreateGraphQLClient().QueryAsync(Residents.SignUpMutation, new
        {
            input = new { courseId = course, firstName = "Paula", email = "paula@example.com", smsConsent = true, municipalityId = await TestCourses.MunicipalityIdAsync(api), targetGroup = "SENIORS", consent = true },
        });

        var error = payload["signUpForCourse"]!["errors"]!.AsArray().Single()!;
        Assert.Equal("INVALID_INPUT", (string?)error["code"]);
    }

    // Stored and sent as the digits typed, without spaces: 0470 12 34 56 becomes 0470123456.
    private static string UniqueMobile() => $"047{Random.Shared.Next(0, 9_999_999):0000000}";

    private static string InE164(string belgianMobile) => $"+32{belgianMobile[1..]}";
}
