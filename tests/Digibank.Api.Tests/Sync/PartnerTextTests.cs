using Digibank.Api.Courses;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Tests.Notifications;
using Digibank.Partners.V1;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.Sync;

/// <summary>
/// A partner's texts lose control characters and direction marks at the door: a title can no longer put a line of its
/// own into a Digibank message, a resident's cancel link into the subject, or the partner's words above the Digibank's.
/// </summary>
public sealed class PartnerTextTests(NotificationsApiFactory api) : IClassFixture<NotificationsApiFactory>
{
    [Fact]
    public async Task A_title_with_line_breaks_and_direction_marks_goes_in_on_one_line_and_the_summary_names_what_was_cleaned()
    {
        var partner = await PartnerSyncClient.ForAsync(api, "bib-poperinge");
        var offer = PartnerSyncClient.Offer($"text-{Guid.NewGuid():N}", title: "Tablet\n---\nKlik hier: http://evil.example");
        offer.Summary = "Eerste lijn.\r\nTweede lijn \u202Egnp.exe\u202C.";
        var clean = PartnerSyncClient.Offer($"clean-{Guid.NewGuid():N}");

        var summary = await partner.UploadAsync([offer, clean], UploadMode.Delta);

        Assert.Equal(2, summary.Created);
        var cleaned = Assert.Single(summary.Cleaned);
        Assert.Equal(offer.ExternalId, cleaned.ExternalId);
        Assert.Equal(["title", "summary"], cleaned.Fields);
        await using var db = api.CreateDbContext();
        var course = await db.Courses.SingleAsync(c => c.ExternalId == offer.ExternalId);
        Assert.Equal("Tablet --- Klik hier: http://evil.example", course.Title);
        Assert.Equal("Eerste lijn.\nTweede lijn gnp.exe.", course.Summary);

        var email = $"titel-{Guid.NewGuid():N}@example.com";
        await api.SignUpAsync(GlobalId.Encode(CourseType.TypeName, course.Id), "Godelieve", email: email);
        var message = await api.MailToAsync(email);
        Assert.Equal("Je bent ingeschreven: Tablet --- Klik hier: http://evil.example", message.Subject);
        Assert.DoesNotContain("self-service", message.Subject, StringComparison.Ordinal);
        var lines = (message.TextBody ?? string.Empty).ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("Dag Godelieve,", lines[0]);
        Assert.DoesNotContain(lines, line => line.Trim() == "---" || line.StartsWith("Klik hier", StringComparison.Ordinal));
    }
}
