using Digibank.Api.Notifications;
using Snapshooter;
using Snapshooter.Xunit;

namespace Digibank.Api.Tests.Notifications;

/// <summary>Every message as a resident reads it, kept as a snapshot a coordinator can review in a pull request.</summary>
public sealed class MessageTemplatesTests
{
    private static readonly MessageFacts Facts = new(
        "Marleen", "Tax-on-web: je belastingaangifte online", new DateTime(2026, 12, 8, 8, 30, 0, DateTimeKind.Utc),
        "Bibliotheek Poperinge, Fochplein 1, Poperinge", Position: 3, Topic: "itsme", Device: "laptop",
        Until: new DateTime(2026, 12, 11, 22, 59, 59, DateTimeKind.Utc),
        CancelLink: "http://127.0.0.1:5080/self-service/0.17.1777777777.cancel", ConfirmLink: "http://127.0.0.1:5080/self-service/2.17.1777777777.confirm");

    public static TheoryData<NotificationReason, string> Messages()
    {
        var data = new TheoryData<NotificationReason, string>();
        foreach (var reason in Enum.GetValues<NotificationReason>())
        {
            data.Add(reason, "nl");
        }

        NotificationReason[] aboutCourses =
        [
            NotificationReason.SignUpConfirmed, NotificationReason.SignUpWaitlisted, NotificationReason.MovedUpFromWaitingList, NotificationReason.CourseWithdrawn,
            NotificationReason.CourseCancelled, NotificationReason.CourseRescheduled, NotificationReason.SessionReminder,
        ];
        foreach (var reason in aboutCourses)
        {
            data.Add(reason, "fr");
            data.Add(reason, "en");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void The_message_reads_as_written_with_the_date_and_place_spelled_out(NotificationReason reason, string language)
    {
        var message = MessageTemplates.Render(reason, language, Facts);

        Snapshot.Match($"{message.Subject}\n\n{message.Body}", new SnapshotNameExtension(reason, language));
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void What_staff_read_out_on_the_phone_has_no_links(NotificationReason reason, string language)
    {
        var withLinks = MessageTemplates.Render(reason, language, Facts);
        var readOut = MessageTemplates.Render(reason, language, Facts, withLinks: false);

        Assert.DoesNotContain("http", readOut.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("---", readOut.Body, StringComparison.Ordinal);
        Assert.StartsWith(readOut.Body.TrimEnd(), withLinks.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_are_spelled_out_in_the_region_s_time_in_each_language()
    {
        var winter = new DateTime(2026, 12, 8, 8, 30, 0, DateTimeKind.Utc);

        Assert.Equal("dinsdag 8 december 2026 om 9.30 uur", MessageTemplates.SpellOut(winter, "nl", System.Globalization.CultureInfo.GetCultureInfo("nl-BE")));
        Assert.Equal("mardi 8 décembre 2026 à 9 h 30", MessageTemplates.SpellOut(winter, "fr", System.Globalization.CultureInfo.GetCultureInfo("fr-BE")));
        Assert.Equal("Tuesday 8 December 2026 at 9.30", MessageTemplates.SpellOut(winter, "en", System.Globalization.CultureInfo.GetCultureInfo("en-GB")));
    }
}
