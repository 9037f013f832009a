using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.Finder;
using Digibank.Api.Municipalities;
using Digibank.Api.Partners;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.Finder;

/// <summary>
/// The upcoming courses the help finder keeps in memory give the courses, in the order, that the database gives for
/// the same topics, towns and moment: scheduled or full, not started, on any of the topics, the towns in the
/// resident's order first, then the soonest, then the lowest id.
/// </summary>
public sealed class UpcomingCourseIndexTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    [Fact]
    public async Task Memory_ranks_the_courses_of_any_topics_and_towns_as_the_database_does()
    {
        await using var db = api.CreateDbContext();
        var now = api.Clock.GetUtcNow().UtcDateTime;
        await AddTiesAsync(db, now);
        var index = await UpcomingCourseIndex.ReadAsync(db, now, CancellationToken.None);
        var topics = await db.Topics.Select(t => t.Id).ToListAsync();
        var towns = await db.Municipalities.Select(m => m.Id).ToListAsync();
        var random = new Random(22);
        List<List<int>> questions = [.. topics.Select(topic => new List<int> { topic }), .. Enumerable.Range(0, 12).Select(_ => random.GetItems([.. topics], 3).Distinct().ToList())];
        List<List<int>> orders = [[], [towns[0]], [.. towns.OrderBy(_ => random.Next())], [.. towns.OrderBy(_ => random.Next()).Take(2)], [-1]];
        var compared = 0;

        foreach (var moment in new[] { now, now.AddDays(10), now.AddDays(40) })
        {
            foreach (var topicIds in questions)
            {
                foreach (var order in orders)
                {
                    var expected = await InTheDatabaseAsync(db, topicIds, order, moment);
                    Assert.Equal(expected, index.Ranked(topicIds, order, moment).Select(course => course.Id).ToList());
                    compared += expected.Count;
                }
            }
        }

        Assert.True(compared > 1000, $"Only {compared} courses were compared.");
    }

    private static async Task<List<int>> InTheDatabaseAsync(DigibankDbContext db, List<int> topicIds, List<int> order, DateTime now) =>
        [.. (await db.Courses
                .Where(c => (c.Status == CourseStatus.Scheduled || c.Status == CourseStatus.Full) && c.StartsAt > now && c.Topics.Any(t => topicIds.Contains(t.Id)))
                .Select(c => new { c.Id, c.MunicipalityId, c.StartsAt })
                .ToListAsync())
            .OrderBy(c => order.IndexOf(c.MunicipalityId) is var rank and >= 0 ? rank : order.Count).ThenBy(c => c.StartsAt).ThenBy(c => c.Id)
            .Select(c => c.Id)];

    /// <summary>Courses on two topics each that start at the same moment in two towns, and a cancelled one: ties and doubles.</summary>
    private static async Task AddTiesAsync(DigibankDbContext db, DateTime now)
    {
        var topics = await db.Topics.AsTracking().OrderBy(t => t.Id).Take(3).ToListAsync();
        var towns = await db.Municipalities.OrderBy(m => m.Id).Select(m => m.Id).Take(2).ToListAsync();
        var partner = await db.Partners.Select(p => p.Id).FirstAsync();
        var startsAt = now.AddDays(20);
        for (var i = 0; i < 6; i++)
        {
            db.Courses.Add(new Course
            {
                Title = $"Gelijktijdig {i}",
                Summary = "Twee onderwerpen tegelijk.",
                PartnerId = partner,
                ExternalId = $"tie-{i}",
                VenueName = "Zaal",
                MunicipalityId = towns[i % 2],
                Capacity = 10,
                Status = i == 5 ? CourseStatus.Cancelled : CourseStatus.Scheduled,
                StartsAt = startsAt,
                Topics = [topics[i % 3], topics[(i + 1) % 3]],
                TargetGroups = [TargetGroup.Everyone],
                UpdatedAt = now,
            });
        }

        await db.SaveChangesAsync();
    }
}
