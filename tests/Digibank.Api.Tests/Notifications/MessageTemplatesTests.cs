using Digibank.Api.Notifications;
using Snapshooter;
using Snapshooter.Xunit;

namespace Digibank.Api.Tests.Notifications;

/// <summary>Every message as a resident reads it, kept as a snapshot a coordinator can review in a pull request.</summary>
public sealed class MessageTemplatesTests
{
    private static readonly MessageFacts Facts = new(
        "Marleen", "Tax-on-web: je belastingaangifte online", new DateTime(2026, 12, 8, 8, 30, 0, DateTimeKind.Utc),
        "Bibliotheek Poperinge, Fochplein 1, Poperinge", Position: 3, Topic: "itsme");

    public static TheoryData<NotificationReason, string> Messages()
    {
        var data = new TheoryData<NotificationReason, string>();
        foreach (var reason in Enum.GetValues<NotificationReason>())
        {
            data.Add(reason, "nl");
        }

        foreach (var reason in new[] { NotificationReason.SignUpConfirmed, NotificationReason.SignUpWaitlisted, NotificationReason.MovedUpFromWaitingList, NotificationReason.CourseWithdrawn })
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

    [Fact]
    public void Dates_are_spelled_out_in_the_region_s_time_in_each_language()
    {
        var winter = new DateTime(2026, 12, 8, 8, 30, 0, DateTimeKind.Utc);

        Assert.Equal("dinsdag 8 december 2026 om 9.30 uur", MessageTemplates.SpellOut(winter, "nl", System.Globalization.CultureInfo.GetCultureInfo("nl-BE")));
        Assert.Equal("mardi 8 décembre 2026 à 9 h 30", MessageTemplates.SpellOut(winter, "fr", System.Globalization.CultureInfo.GetCultureInfo("fr-BE")));
        Assert.Equal("Tuesday 8 December 2026 at 9.30", MessageTemplates.SpellOut(winter, "en", System.Globalization.CultureInfo.GetCultureInfo("en-GB")));
    }
}
