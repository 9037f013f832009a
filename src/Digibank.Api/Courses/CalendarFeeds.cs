using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Digibank.Api.Data;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Municipalities;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Courses;

/// <summary>
/// The catalogue for calendar apps and partner websites: iCalendar feeds (RFC 5545) of the course sessions, all of
/// them or filtered by town, topic and partner, and one per course; and a schema.org <c>Course</c> in JSON-LD per
/// course. A session's UID is its course and its place in the course ("course-12-session-2@…"), so a moved session
/// is an update in a calendar that follows the feed, and a cancelled course stays in it as CANCELLED. So does a
/// withdrawn one: an event that merely vanishes from a feed stays in many calendar apps as it last was.
/// </summary>
public static class CalendarFeeds
{
    public const int MaxEvents = 5_000;
    private const string UidDomain = "digibank-poperinge.be";
    private static readonly DateTime SequenceEpoch = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>How long a course stays in the feeds after its last session, and a withdrawn one after its withdrawal: long enough for calendars that follow a feed to have taken the change in.</summary>
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(30);

    public static IEndpointRouteBuilder MapCalendarFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/calendar/courses.ics", async (IDbContextFactory<DigibankDbContext> factory, TimeProvider clock, string? municipality, string? topic, string? partner, CancellationToken cancellationToken) =>
        {
            int? municipalityId = null;
            if (municipality is not null)
            {
                if (!GlobalId.TryDecode(municipality, out var type, out var id) || type != MunicipalityType.TypeName)
                {
                    return Results.Problem("municipality is not the id of a town.", statusCode: StatusCodes.Status400BadRequest);
                }

                municipalityId = id;
            }

            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var courses = InFeeds(db, now).Where(c => c.Sessions.Any(s => s.EndsAt > now - KeptFor));
            if (municipalityId is { } town)
            {
                courses = courses.Where(c => c.MunicipalityId == town);
            }

            if (topic is { Length: > 0 })
            {
                courses = courses.Where(c => c.Topics.Any(t => t.Code == topic));
            }

            if (partner is { Length: > 0 })
            {
                courses = courses.Where(c => c.Partner!.Code == partner);
            }

            return Calendar(await LoadAsync(courses, cancellationToken), now, "Digibank regio Poperinge: cursussen");
        });
        app.MapGet("/calendar/courses/{id}.ics", async (IDbContextFactory<DigibankDbContext> factory, TimeProvider clock, string id, CancellationToken cancellationToken) =>
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var courses = await LoadAsync(InFeeds(db, now).Where(c => c.Id == CourseIdOf(id)), cancellationToken);
            return courses.Count == 0 ? Results.NotFound() : Calendar(courses, now, courses[0].Title);
        });
        app.MapGet("/courses/{id}.jsonld", async (IDbContextFactory<DigibankDbContext> factory, string id, CancellationToken cancellationToken) =>
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var courses = await LoadAsync(db.Courses.Where(c => c.Id == CourseIdOf(id) && c.Status != CourseStatus.Withdrawn), cancellationToken);
            return courses.Count == 0 ? Results.NotFound() : Results.Text(JsonLd(courses[0]).ToJsonString(new JsonSerializerOptions { WriteIndented = true }), "application/ld+json", Encoding.UTF8);
        });
        return app;
    }

    /// <summary>The courses of the catalogue, and those withdrawn from it within <see cref="KeptFor"/> (their <c>UpdatedAt</c> is the withdrawal).</summary>
    private static IQueryable<Course> InFeeds(DigibankDbContext db, DateTime now) =>
        db.Courses.Where(c => c.Status != CourseStatus.Withdrawn || c.UpdatedAt > now - KeptFor);

    /// <summary>A course by its global id or its number; anything else matches none.</summary>
    private static int CourseIdOf(string id) =>
        GlobalId.TryDecode(id, out var type, out var globalId) && type == CourseType.TypeName ? globalId
        : int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : -1;

    private static Task<List<Course>> LoadAsync(IQueryable<Course> courses, CancellationToken cancellationToken) =>
        courses.Include(c => c.Sessions).Include(c => c.HelpPoint).Include(c => c.Municipality).Include(c => c.Partner)
            // Withdrawn courses last: a partner's renumbered catalogue must not push the courses that run out of a feed that is cut off.
            .OrderBy(c => c.Status == CourseStatus.Withdrawn).ThenBy(c => c.StartsAt).ThenBy(c => c.Id)
            .Take(MaxEvents / 4)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

    private static IResult Calendar(IReadOnlyList<Course> courses, DateTime now, string name)
    {
        var ics = new IcsWriter();
        ics.Line("BEGIN:VCALENDAR");
        ics.Line("VERSION:2.0");
        ics.Line("PRODID:-//Digibank regio Poperinge//Cursussen//NL");
        ics.Line("CALSCALE:GREGORIAN");
        ics.Line("METHOD:PUBLISH");
        ics.Property("X-WR-CALNAME", name);
        ics.Line("X-WR-TIMEZONE:Europe/Brussels");
        var events = 0;
        foreach (var course in courses)
        {
            var sessions = course.Sessions.OrderBy(s => s.StartsAt).ThenBy(s => s.Id).ToList();
            for (var number = 1; number <= sessions.Count && events < MaxEvents; number++, events++)
            {
                var session = sessions[number - 1];
                ics.Line("BEGIN:VEVENT");
                ics.Line($"UID:course-{course.Id}-session-{number}@{UidDomain}");
                ics.Line($"DTSTAMP:{Utc(now)}");
                ics.Line($"LAST-MODIFIED:{Utc(course.UpdatedAt)}");
                ics.Line(string.Create(CultureInfo.InvariantCulture, $"SEQUENCE:{Math.Max(0, (long)(course.UpdatedAt - SequenceEpoch).TotalMinutes)}"));
                ics.Line($"DTSTART:{Utc(session.StartsAt)}");
                ics.Line($"DTEND:{Utc(session.EndsAt)}");
                ics.Property("SUMMARY", sessions.Count > 1 ? $"{course.Title} ({number}/{sessions.Count})" : course.Title);
                ics.Property("DESCRIPTION", $"{course.Summary}\nAangeboden door {course.Partner?.Name}. Inschrijven: in de bibliotheek, bij een antennepunt of op de website van de partner.");
                ics.Property("LOCATION", string.Join(", ", new[] { course.VenueName ?? course.HelpPoint?.Name, session.Room, course.VenueStreet ?? course.HelpPoint?.Street, course.Municipality?.Name }
                    .Where(part => !string.IsNullOrWhiteSpace(part))));
                ics.Line(IsCancelled(course, session) ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
                ics.Line("END:VEVENT");
            }
        }

        ics.Line("END:VCALENDAR");
        return Results.Text(ics.ToString(), "text/calendar; charset=utf-8", Encoding.UTF8);
    }

    private static bool IsCancelled(Course course, CourseSession session) =>
        course.Status is CourseStatus.Cancelled or CourseStatus.Withdrawn || session.CancelledAt is not null;

    private static string Utc(DateTime moment) => moment.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>schema.org's <c>Course</c> with a <c>CourseInstance</c> per session, for a partner's page about the course.</summary>
    public static JsonObject JsonLd(Course course)
    {
        var place = new JsonObject
        {
            ["@type"] = "Place",
            ["name"] = course.VenueName ?? course.HelpPoint?.Name ?? course.Municipality?.Name,
            ["address"] = new JsonObject
            {
                ["@type"] = "PostalAddress",
                ["streetAddress"] = course.VenueStreet ?? course.HelpPoint?.Street,
                ["addressLocality"] = course.Municipality?.Name,
                ["postalCode"] = course.HelpPoint?.PostalCode ?? course.Municipality?.PostalCode,
                ["addressCountry"] = "BE",
            },
        };
        return new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Course",
            ["@id"] = $"urn:digibank:course:{course.Id}",
            ["identifier"] = GlobalId.Encode(CourseType.TypeName, course.Id),
            ["name"] = course.Title,
            ["description"] = course.Summary,
            ["inLanguage"] = course.Language switch { CourseLanguage.French => "fr", CourseLanguage.English => "en", _ => "nl" },
            ["provider"] = new JsonObject { ["@type"] = "Organization", ["name"] = course.Partner?.Name },
            ["offers"] = new JsonObject
            {
                ["@type"] = "Offer",
                ["price"] = (course.PriceCents / 100m).ToString("0.00", CultureInfo.InvariantCulture),
                ["priceCurrency"] = "EUR",
                ["availability"] = course.Status switch
                {
                    CourseStatus.Full => "https://schema.org/SoldOut",
                    CourseStatus.Cancelled => "https://schema.org/Discontinued",
                    _ => "https://schema.org/InStock",
                },
            },
            ["hasCourseInstance"] = new JsonArray([.. course.Sessions.OrderBy(s => s.StartsAt).Select(session => (JsonNode)new JsonObject
            {
                ["@type"] = "CourseInstance",
                ["courseMode"] = "onsite",
                ["startDate"] = session.StartsAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                ["endDate"] = session.EndsAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                ["eventStatus"] = IsCancelled(course, session) ? "https://schema.org/EventCancelled" : "https://schema.org/EventScheduled",
                ["location"] = place.DeepClone(),
            })]),
        };
    }

    /// <summary>Content lines as RFC 5545 wants them: text escaped, CRLF endings, folded at 75 octets.</summary>
    private sealed class IcsWriter
    {
        private readonly StringBuilder _text = new();

        public void Property(string name, string value) =>
            Line($"{name}:{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal).ReplaceLineEndings("\\n")}");

        public void Line(string line)
        {
            var octets = 0;
            foreach (var rune in line.EnumerateRunes())
            {
                var size = rune.Utf8SequenceLength;
                if (octets + size > 75)
                {
                    _text.Append("\r\n ");
                    octets = 1;
                }

                _text.Append(rune.ToString());
                octets += size;
            }

            _text.Append("\r\n");
        }

        public override string ToString() => _text.ToString();
    }
}
