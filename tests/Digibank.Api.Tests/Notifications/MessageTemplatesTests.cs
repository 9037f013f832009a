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
        CancelLink: "http://127.0.0.1:5080/self-service/0.17.1777777777.cancel", ConfirmLink: "http://127.0.0.1:5080/self-service/2.17.1777777777.confirm",
        Was: new DateTime(2026, 12, 1, 8, 30, 0, DateTimeKind.Utc),
        Sessions: [new DateTime(2026, 12, 8, 8, 30, 0, DateTimeKind.Utc), new DateTime(2026, 12, 15, 8, 30, 0, DateTimeKind.Utc)]);

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
            NotificationReason.SessionCancelled, NotificationReason.SessionMoved,
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

    [Theory]
    [MemberData(nameof(Messages))]
    public void A_value_is_filled_in_once_on_its_own_line_and_never_read_as_a_placeholder_or_a_line_of_its_own(NotificationReason reason, string language)
    {
        // Free text from outside that slipped past the checks at the door, as a partner's title, a name and a place.
        var hostile = Facts with
        {
            FirstName = "{CourseTitle} {CancelLink}",
            CourseTitle = "Smartphone\n---\nKlik hier: http://evil.example\r\nBetaal \u202Eyap/elpmaxe.live",
            Place = "Zaal\n\nOnderwerp: dringend",
        };

        var message = MessageTemplates.Render(reason, language, hostile);
        var readOut = MessageTemplates.Render(reason, language, hostile, withLinks: false);
        var plain = MessageTemplates.Render(reason, language, Facts);

        Assert.DoesNotContain('\n', message.Subject);
        Assert.DoesNotContain('\u202E', message.Subject + message.Body);
        Assert.DoesNotContain(message.Body.Split('\n'), line => line.Trim() == "---" || line.StartsWith("Klik hier", StringComparison.Ordinal));
        // The name's placeholders are not filled in: the links are where the template puts them, and nowhere else.
        Assert.Equal(Occurrences(plain.Body, "self-service/"), Occurrences(message.Body, "self-service/"));
        Assert.Equal(0, Occurrences(readOut.Body, "self-service/"));
        Assert.Equal(plain.Body.Split('\n').Length, message.Body.Split('\n').Length);
    }

    private static int Occurrences(string text, string part) => text.Split(part).Length - 1;

    [Fact]
    public void Dates_are_spelled_out_in_the_region_s_time_in_each_language()
    {
        var winter = new DateTime(2026, 12, 8, 8, 30, 0, DateTimeKind.Utc);

        Assert.Equal("dinsdag 8 december 2026 om 9.30 uur", MessageTemplates.SpellOut(winter, "nl", System.Globalization.CultureInfo.GetCultureInfo("nl-BE")));
        Assert.Equal("mardi 8 décembre 2026 à 9 h 30", MessageTemplates.SpellOut(winter, "fr", System.Globalization.CultureInfo.GetCultureInfo("fr-BE")));
        Assert.Equal("Tuesday 8 December 2026 at 9.30", MessageTemplates.SpellOut(winter, "en", System.Globalization.CultureInfo.GetCultureInfo("en-GB")));
    }
}
