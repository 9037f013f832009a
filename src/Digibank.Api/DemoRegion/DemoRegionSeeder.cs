using System.Globalization;
using Digibank.Api.Data;
using Digibank.Api.Devices;
using Digibank.Api.HelpPoints;
using Digibank.Api.HelpRequests;
using Digibank.Api.Municipalities;
using Digibank.Api.Participants;
using Digibank.Api.Partners;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.DemoRegion;

/// <summary>
/// Seeds the demo region: the four towns, their partners and antenna points, a course catalogue, devices, a few
/// participants, digibuddies and help requests. Every date follows from <c>now</c>, so the same moment always gives
/// the same data.
/// </summary>
public static partial class DemoRegionSeeder
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    public static async Task SeedAsync(DigibankDbContext db, DateTime now)
    {
        var region = new SeedState(now);
        await using var tx = await db.Database.BeginTransactionAsync();

        // Saved table group by table group: loans and help requests need the ids of the help points,
        // and ids then follow the order of the tables below.
        await SaveAsync(db, SeedMunicipalities(region), SeedPartners(region), SeedTopics(region), SeedLoanRules());
        await SaveAsync(db, SeedHelpPoints(region));
        await SaveAsync(db, SeedParticipants(region), SeedDigibuddies(region));
        await SaveAsync(db, SeedCourses(region));
        await SaveAsync(db, SeedDevices(region), SeedLoans(region));
        await SaveAsync(db, SeedHelpRequests(region));

        await tx.CommitAsync();
    }

    /// <summary>Seeds only a database without municipalities, so a restart never doubles the demo. True when it seeded.</summary>
    public static async Task<bool> SeedIfEmptyAsync(DigibankDbContext db, DateTime now)
    {
        if (await db.Municipalities.AnyAsync())
        {
            return false;
        }

        await SeedAsync(db, now);
        return true;
    }

    private static async Task SaveAsync(DigibankDbContext db, params IEnumerable<object>[] tables)
    {
        foreach (var table in tables)
        {
            db.AddRange(table);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>"09:30-11:30" in local time.</summary>
    private static (TimeOnly From, TimeOnly To) Span(string text) =>
        text.Split('-') is [var from, var to]
            ? (Time(from), Time(to))
            : throw new FormatException($"Not a time span: {text}");

    private static TimeOnly Time(string text) => TimeOnly.ParseExact(text, "HH:mm", CultureInfo.InvariantCulture);

    /// <summary>What later tables look up by key, and the clock every date is derived from.</summary>
    private sealed class SeedState(DateTime now)
    {
        // A local "now" would depend on the machine's zone; anything else is taken as UTC.
        public DateTime Now { get; } = now.Kind == DateTimeKind.Local ? now.ToUniversalTime() : DateTime.SpecifyKind(now, DateTimeKind.Utc);

        public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(Now, Brussels));

        public Dictionary<string, Municipality> Municipalities { get; } = [];

        public Dictionary<string, MunicipalitySection> Sections { get; } = [];

        public Dictionary<string, Partner> Partners { get; } = [];

        public Dictionary<string, Topic> Topics { get; } = [];

        public Dictionary<string, HelpPoint> HelpPoints { get; } = [];

        public Dictionary<string, Location> Locations { get; } = [];

        public List<Participant> Participants { get; } = [];

        public Dictionary<string, Digibuddy> Digibuddies { get; } = [];

        public Dictionary<string, Device> Devices { get; } = [];

        /// <summary>A local Belgian day and time as UTC, daylight saving time included.</summary>
        public DateTime At(DateOnly day, TimeOnly time) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time), Brussels);

        /// <summary>The date itself on a weekday, else the nearest weekday forward or, when <paramref name="back"/>, backward.</summary>
        public static DateOnly Weekday(DateOnly date, bool back = false) => date.DayOfWeek switch
        {
            DayOfWeek.Saturday => date.AddDays(back ? -1 : 2),
            DayOfWeek.Sunday => date.AddDays(back ? -2 : 1),
            _ => date,
        };

        /// <summary>The first <paramref name="day"/> at least <paramref name="daysAhead"/> days after today.</summary>
        public DateOnly Next(DayOfWeek day, int daysAhead)
        {
            var start = Today.AddDays(daysAhead);
            return start.AddDays(((int)day - (int)start.DayOfWeek + 7) % 7);
        }
    }

    /// <summary>Where a course takes place: a help point, or a venue elsewhere in a municipality.</summary>
    private sealed record Location(
        HelpPoint? HelpPoint,
        string? VenueName,
        string? VenueStreet,
        Municipality Municipality,
        bool WheelchairAccessible,
        string? Room);
}
