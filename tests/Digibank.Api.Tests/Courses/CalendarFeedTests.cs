using System.Net;
using System.Text.Json.Nodes;
using Digibank.Api.Courses;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Municipalities;
using Digibank.Api.Tests.Sync;
using Digibank.Partners.V1;
using Ical.Net;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.Courses;

/// <summary>The iCalendar feeds and the JSON-LD of the catalogue, read back by Ical.Net and by node-ical, an independent parser.</summary>
public sealed class CalendarFeedTests(DigibankApiFactory api) : RestoresClock(api.Clock), IClassFixture<DigibankApiFactory>
{
    [Fact]
    public async Task The_feed_holds_every_session_of_the_catalogue_once_with_a_stable_uid()
    {
        var first = await FeedAsync("/calendar/courses.ics");
        var again = await FeedAsync("/calendar/courses.ics");

        var calendar = Calendar.Load(first)!;
        var now = api.Clock.GetUtcNow().UtcDateTime;
        await using var db = api.CreateDbContext();
        var sessions = await db.CourseSessions
            .Where(s => s.EndsAt > now.AddDays(-30) && db.Set<Course>().Any(c => c.Id == s.CourseId && (c.Status != CourseStatus.Withdrawn || c.UpdatedAt > now.AddDays(-30))))
            .CountAsync();
        Assert.Equal(sessions, calendar.Events.Count);
        Assert.Equal(calendar.Events.Count, calendar.Events.Select(e => e.Uid).Distinct().Count());
        Assert.Equal(calendar.Events.Select(e => e.Uid), Calendar.Load(again)!.Events.Select(e => e.Uid));
        Assert.All(calendar.Events, e => Assert.EndsWith("@digibank-poperinge.be", e.Uid, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_moved_session_keeps_its_uid_and_a_cancelled_course_stays_in_the_feed_as_cancelled()
    {
        var course = await TestCourses.AddAsync(api, capacity: 5);
        var id = GlobalId.DecodeFor(CourseType.TypeName, course);
        var before = Calendar.Load(await FeedAsync($"/calendar/courses/{course}.ics"))!.Events.Single();
        var later = new DateTime(2026, 12, 21, 13, 0, 0, DateTimeKind.Utc);
        await using (var db = api.CreateDbContext())
        {
            await db.CourseSessions.Where(s => s.CourseId == id).ExecuteUpdateAsync(set => set.SetProperty(s => s.StartsAt, later).SetProperty(s => s.EndsAt, later.AddHours(2)));
            await db.Courses.Where(c => c.Id == id).ExecuteUpdateAsync(set => set
                .SetProperty(c => c.Status, CourseStatus.Cancelled).SetProperty(c => c.UpdatedAt, api.Clock.GetUtcNow().UtcDateTime.AddMinutes(5)));
        }

        var after = Calendar.Load(await FeedAsync($"/calendar/courses/{course}.ics"))!.Events.Single();

        Assert.Equal(before.Uid, after.Uid);
        Assert.Equal(later, after.DtStart!.AsUtc);
        Assert.Equal("CANCELLED", after.Status);
        Assert.True(after.Sequence > before.Sequence);
    }

    [Fact]
    public async Task A_withdrawn_course_stays_in_every_feed_as_cancelled_until_30_days_after_its_withdrawal()
    {
        var ligo = await PartnerSyncClient.ForAsync(api, "ligo");
        var startsAt = DigibankApiFactory.Now.UtcDateTime.AddDays(60);
        await ligo.UploadAsync([PartnerSyncClient.Offer("CAL-WITHDRAWN", startsAt: startsAt), PartnerSyncClient.Offer("CAL-STAYS", startsAt: startsAt)], UploadMode.Delta);
        var (withdrawn, stays) = (await CourseIdAsync("CAL-WITHDRAWN"), await CourseIdAsync("CAL-STAYS"));
        var poperinge = await TestCourses.MunicipalityIdAsync(api);
        string[] feeds =
        [
            "/calendar/courses.ics", "/calendar/courses.ics?partner=ligo", "/calendar/courses.ics?topic=smartphone-basics",
            $"/calendar/courses.ics?municipality={poperinge}", $"/calendar/courses/{GlobalId.Encode(CourseType.TypeName, withdrawn)}.ics",
        ];
        var uid = $"course-{withdrawn}-session-1@digibank-poperinge.be";
        var before = await EventInEveryFeedAsync(feeds, uid);

        api.Clock.Current += TimeSpan.FromMinutes(10);
        var summary = await ligo.UploadAsync([], UploadMode.Delta, removals: ["CAL-WITHDRAWN"]);
        var after = await EventInEveryFeedAsync(feeds, uid);

        Assert.Equal(1, summary.Withdrawn);
        Assert.All(before, e => Assert.Equal("CONFIRMED", e.Status));
        Assert.All(after, e =>
        {
            Assert.Equal("CANCELLED", e.Status);
            Assert.Equal(startsAt, e.DtStart!.AsUtc);
            Assert.True(e.Sequence > before[0].Sequence, "a calendar app takes the cancellation as newer than what it has");
        });

        api.Clock.Current += TimeSpan.FromDays(30);
        var all = Calendar.Load(await FeedAsync("/calendar/courses.ics"))!;
        var ofTheCourse = await api.CreateClient().GetAsync($"/calendar/courses/{GlobalId.Encode(CourseType.TypeName, withdrawn)}.ics");

        Assert.DoesNotContain(all.Events, e => CourseOf(e.Uid) == withdrawn);
        Assert.Contains(all.Events, e => CourseOf(e.Uid) == stays);
        Assert.Equal(HttpStatusCode.NotFound, ofTheCourse.StatusCode);
    }

    [Fact]
    public async Task The_feed_filters_by_town_topic_and_partner_and_refuses_an_id_that_is_no_town()
    {
        await using var db = api.CreateDbContext();
        var heuvelland = await db.Municipalities.SingleAsync(m => m.Name == "Heuvelland");
        var inHeuvelland = await db.Courses.Where(c => c.MunicipalityId == heuvelland.Id && c.Status != CourseStatus.Withdrawn).Select(c => c.Id).ToListAsync();
        var aboutItsme = await db.Courses.Where(c => c.Topics.Any(t => t.Code == "itsme") && c.Status != CourseStatus.Withdrawn).Select(c => c.Id).ToListAsync();

        var town = Calendar.Load(await FeedAsync($"/calendar/courses.ics?municipality={GlobalId.Encode("Municipality", heuvelland.Id)}"))!;
        var topic = Calendar.Load(await FeedAsync("/calendar/courses.ics?topic=itsme"))!;
        var partner = Calendar.Load(await FeedAsync("/calendar/courses.ics?partner=vdab"))!;
        var bad = await api.CreateClient().GetAsync("/calendar/courses.ics?municipality=nonsense");

        Assert.NotEmpty(town.Events);
        Assert.All(town.Events, e => Assert.Contains(CourseOf(e.Uid), inHeuvelland));
        Assert.NotEmpty(topic.Events);
        Assert.All(topic.Events, e => Assert.Contains(CourseOf(e.Uid), aboutItsme));
        Assert.All(partner.Events, e => Assert.Contains("VDAB", e.Description, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [NodeIcalFact]
    public async Task An_independent_parser_reads_the_same_events_as_Ical_Net()
    {
        var feed = await FeedAsync("/calendar/courses.ics");
        var file = Path.Combine(Path.GetTempPath(), $"digibank-feed-{Guid.NewGuid():N}.ics");
        await File.WriteAllTextAsync(file, feed);
        try
        {
            var parsed = await NodeIcalFactAttribute.ParseAsync(file);
            var expected = Calendar.Load(feed)!.Events
                .Select(e => (e.Uid, Start: e.DtStart!.AsUtc, End: e.DtEnd!.AsUtc, e.Summary, e.Status))
                .OrderBy(e => e.Uid, StringComparer.Ordinal).ToList();
            var actual = parsed
                .Select(e => ((string?)e["uid"], ((DateTime)e["start"]!).ToUniversalTime(), ((DateTime)e["end"]!).ToUniversalTime(), (string?)e["summary"], (string?)e["status"]))
                .OrderBy(e => e.Item1, StringComparer.Ordinal).ToList();
            Assert.Equal(expected.Count, actual.Count);
            Assert.Equal(expected, actual);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_course_page_gets_schema_org_JSON_LD_with_a_course_instance_per_session()
    {
        var course = await TestCourses.AddAsync(api, capacity: 5);
        var response = await api.CreateClient().GetAsync($"/courses/{course}.jsonld");
        var missing = await api.CreateClient().GetAsync("/courses/999999.jsonld");

        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(("https://schema.org", "Course"), ((string?)json["@context"], (string?)json["@type"]));
        Assert.Equal(await TitleAsync(course), (string?)json["name"]);
        var instance = Assert.Single(json["hasCourseInstance"]!.AsArray())!;
        Assert.Equal("CourseInstance", (string?)instance["@type"]);
        Assert.Equal("Poperinge", (string?)instance["location"]!["address"]!["addressLocality"]);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private async Task<List<Ical.Net.CalendarComponents.CalendarEvent>> EventInEveryFeedAsync(IEnumerable<string> feeds, string uid)
    {
        var events = new List<Ical.Net.CalendarComponents.CalendarEvent>();
        foreach (var feed in feeds)
        {
            var calendar = Calendar.Load(await FeedAsync(feed))!;
            events.Add(Assert.Single(calendar.Events, e => e.Uid == uid));
        }

        return events;
    }

    private async Task<int> CourseIdAsync(string externalId)
    {
        await using var db = api.CreateDbContext();
        return await db.Courses.Where(c => c.ExternalId == externalId).Select(c => c.Id).SingleAsync();
    }

    private static int CourseOf(string? uid) => int.Parse(uid!.Split('-')[1], System.Globalization.CultureInfo.InvariantCulture);

    private async Task<string> FeedAsync(string path)
    {
        var response = await api.CreateClient().GetAsync(path);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<string> TitleAsync(string course)
    {
        await using var db = api.CreateDbContext();
        var id = GlobalId.DecodeFor(CourseType.TypeName, course);
        return await db.Courses.Where(c => c.Id == id).Select(c => c.Title).SingleAsync();
    }
}

/// <summary>A test that reads the feed with node-ical (`Courses/ical-check`), an independent iCalendar parser.</summary>
public sealed class NodeIcalFactAttribute() : NodeScriptFactAttribute(Folder, "node-ical")
{
    private const string Folder = "Courses/ical-check";

    public static Task<List<JsonNode>> ParseAsync(string icsFile) => NodeScripts.RunAsync(Folder, "parse.js", icsFile);
}
