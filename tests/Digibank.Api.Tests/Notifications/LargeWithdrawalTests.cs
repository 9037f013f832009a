using Digibank.Api.Courses;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Notifications;
using Digibank.Api.Testing;
using Digibank.Api.Tests.Courses;
using Digibank.Api.Tests.Sync;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.Notifications;

/// <summary>
/// A partner withdraws its whole catalogue of 33,000 courses in one snapshot: more ids than one SQL statement takes.
/// Everyone signed up for those courses is told, and the messages after it go out as before.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class LargeWithdrawalTests(NotificationsApiFactory api) : IClassFixture<NotificationsApiFactory>
{
    private const int Courses = 33_000;

    [Fact]
    public async Task After_a_partner_withdraws_33000_courses_their_residents_and_the_next_resident_are_told()
    {
        var vdab = await PartnerSyncClient.ForAsync(api, "vdab");
        await vdab.UploadAsync([PartnerSyncClient.Offer("LARGE-SEED", capacity: 20)], allowMassWithdrawal: true);
        await using (var db = api.CreateDbContext())
        {
            await CourseCopies.CopyAsync(db, "LARGE-SEED", "LARGE-OLD-", Courses - 1);
        }

        var early = $"early-{Guid.NewGuid():N}@example.com";
        var late = $"late-{Guid.NewGuid():N}@example.com";
        await api.SignUpAsync(await CourseAsync("LARGE-OLD-17"), "Roger", email: early);
        await api.SignUpAsync(await CourseAsync($"LARGE-OLD-{Courses - 1}"), "Rita", phone: "0470 99 88 77");
        await api.MailToAsync(early);

        var summary = await vdab.UploadAsync([PartnerSyncClient.Offer("LARGE-NEW")], allowMassWithdrawal: true);
        Assert.Equal(Courses, summary.Withdrawn);
        await api.SignUpAsync(await TestCourses.AddAsync(api, capacity: 5), "Marleen", email: late);

        var withdrawn = await api.MailToAsync(early, count: 2);
        Assert.StartsWith("Gaat niet door", withdrawn.Subject, StringComparison.Ordinal);
        Assert.StartsWith("Je bent ingeschreven", (await api.MailToAsync(late)).Subject, StringComparison.Ordinal);
        var call = await api.WaitForAsync(db => db.CallTasks.Where(t => t.Reason == Digibank.Api.Notifications.NotificationReason.CourseWithdrawn).FirstOrDefaultAsync());
        Assert.Contains("gaat niet door", call.Script, StringComparison.Ordinal);
    }

    private async Task<string> CourseAsync(string externalId)
    {
        await using var db = api.CreateDbContext();
        return GlobalId.Encode(CourseType.TypeName, await db.Courses.Where(c => c.ExternalId == externalId).Select(c => c.Id).SingleAsync());
    }
}
