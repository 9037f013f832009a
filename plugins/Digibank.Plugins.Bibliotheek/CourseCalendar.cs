using System.Globalization;
using System.Runtime.Serialization;
using Digibank.Plugins.Shared;
using Ical.Net;
using Calendar = Ical.Net.Calendar;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

namespace Digibank.Plugins.Bibliotheek;

/// <summary>
/// The library's course calendar: one VEVENT per session (or one with an RRULE for a weekly series), grouped into a
/// course by <c>X-DIGIBANK-COURSE</c> or else by the UID before its <c>.session</c> suffix (<c>BIB-POP-32.2@…</c> is a
/// session of <c>BIB-POP-32</c>). Course details come from the course's sessions: SUMMARY, DESCRIPTION, LOCATION,
/// CATEGORIES (topic codes) and the <c>X-DIGIBANK-*</c> properties.
/// </summary>
internal static class CourseCalendar
{
    private const int MaxSessionsPerSeries = 100;

    public static IReadOnlyList<CourseOffer> Read(string text, string fileName, IPluginLog log)
    {
        Calendar? calendar;
        try
        {
            calendar = Calendar.Load(text);
        }
        catch (SerializationException exception)
        {
            throw new InvalidDataException($"{fileName} is not an iCalendar file: {exception.Message}", exception);
        }

        if (calendar is null)
        {
            throw new InvalidDataException($"{fileName} is not an iCalendar file: it has no VCALENDAR.");
        }

        var sessions = new List<CalendarSession>();
        var skippedEvents = 0;
        foreach (var calendarEvent in calendar.Events)
        {
            var eventSessions = Sessions(calendarEvent, fileName, log);
            skippedEvents += eventSessions.Count == 0 ? 1 : 0;
            sessions.AddRange(eventSessions);
        }

        var offers = new List<CourseOffer>();
        var skipped = 0;
        foreach (var course in sessions.GroupBy(session => session.CourseId, StringComparer.Ordinal))
        {
            var offer = Offer(course.Key, [.. course.OrderBy(session => session.StartsAt)], fileName, log);
            if (offer is null)
            {
                skipped++;
            }
            else
            {
                offers.Add(offer);
            }
        }

        log.Info($"{fileName}: {offers.Count} courses read from {calendar.Events.Count} events; {skippedEvents} events and {skipped} courses skipped.");
        return offers;
    }

    private static List<CalendarSession> Sessions(CalendarEvent calendarEvent, string fileName, IPluginLog log)
    {
        var uid = calendarEvent.Uid ?? string.Empty;
        var courseId = Text(calendarEvent, "X-DIGIBANK-COURSE") ?? CourseIdFromUid(uid);
        if (string.IsNullOrEmpty(courseId))
        {
            log.Warning($"{fileName}: event '{calendarEvent.Summary}' skipped, it has no UID and no X-DIGIBANK-COURSE.");
            return [];
        }

        void Skip(string why) => log.Warning($"{fileName}: event {uid} of course {courseId} skipped, {why}.");

        if (calendarEvent.DtStart is not { } start)
        {
            Skip("it has no DTSTART");
            return [];
        }

        if (!start.HasTime)
        {
            Skip("it lasts all day; a session needs a start and an end time");
            return [];
        }

        // Ical.Net's End is empty for an event given with DURATION; add it ourselves.
        var end = calendarEvent.DtEnd ?? (calendarEvent.Duration is { } duration ? start.Add(duration) : null);
        if (end is null)
        {
            Skip("it has no DTEND or DURATION");
            return [];
        }

        var cancelled = string.Equals(calendarEvent.Status, EventStatus.Cancelled, StringComparison.OrdinalIgnoreCase);
        var room = Text(calendarEvent, "X-DIGIBANK-ROOM");
        var periods = calendarEvent.RecurrenceRule is null
            ? [(start, end)]
            : calendarEvent.GetOccurrences().Take(MaxSessionsPerSeries).Select(occurrence => (occurrence.Period.StartTime, occurrence.Period.EffectiveEndTime ?? occurrence.Period.StartTime)).ToList();

        var sessions = new List<CalendarSession>();
        foreach (var (from, to) in periods)
        {
            if (!TryToUtc(from, out var startsAt, out var why) || !TryToUtc(to, out var endsAt, out why))
            {
                Skip(why);
                return [];
            }

            // An end before the start is passed on: the platform rejects the course and the library sees why.
            sessions.Add(new CalendarSession(courseId, calendarEvent, startsAt, endsAt, room, cancelled));
        }

        return sessions;
    }

    private static CourseOffer? Offer(string courseId, IReadOnlyList<CalendarSession> sessions, string fileName, IPluginLog log)
    {
        void Skip(string why) => log.Warning($"{fileName}: course {courseId} skipped, {why}.");

        // A course is cancelled when all its sessions are; a single cancelled session is left out of a running course.
        var cancelled = sessions.All(session => session.Cancelled);
        var kept = cancelled ? sessions : sessions.Where(session => !session.Cancelled).ToList();
        if (!cancelled && kept.Count < sessions.Count)
        {
            log.Info($"{fileName}: course {courseId}: {sessions.Count - kept.Count} cancelled sessions left out.");
        }

        var events = sessions.Select(session => session.Event).Distinct().ToList();
        string? First(string property) => events.Select(calendarEvent => Text(calendarEvent, property)).FirstOrDefault(value => !string.IsNullOrEmpty(value));

        var title = events.Select(calendarEvent => calendarEvent.Summary?.Trim()).FirstOrDefault(value => !string.IsNullOrEmpty(value));
        if (title is null)
        {
            Skip("no SUMMARY");
            return null;
        }

        if (ReadTerms(First, out var terms) is { } termsUnreadable)
        {
            Skip(termsUnreadable);
            return null;
        }

        return ToCourseOffer(courseId, title, events, First, cancelled, kept, terms);
    }

    /// <summary>Seats, prices and the sign-up deadline; null when they are read, else why the course is skipped.</summary>
    private static string? ReadTerms(Func<string, string?> first, out Terms terms)
    {
        terms = null!;
        var capacity = 0;
        var capacityText = first("X-DIGIBANK-CAPACITY");
        if (capacityText is not null && !int.TryParse(capacityText, NumberStyles.Integer, CultureInfo.InvariantCulture, out capacity))
        {
            return $"X-DIGIBANK-CAPACITY '{capacityText}' is not a number";
        }

        if (!Vocabulary.TryParseEuroCents(first("X-DIGIBANK-PRICE"), out var price))
        {
            return $"X-DIGIBANK-PRICE '{first("X-DIGIBANK-PRICE")}' is not an amount";
        }

        int? reduced = null;
        if (first("X-DIGIBANK-REDUCED-PRICE") is { } reducedText)
        {
            if (!Vocabulary.TryParseEuroCents(reducedText, out var reducedCents))
            {
                return $"X-DIGIBANK-REDUCED-PRICE '{reducedText}' is not an amount";
            }

            reduced = reducedCents;
        }

        DateTime? deadline = null;
        if (first("X-DIGIBANK-DEADLINE") is { } deadlineText)
        {
            if (!TryParseDeadline(deadlineText, out var parsed))
            {
                return $"X-DIGIBANK-DEADLINE '{deadlineText}' is not a date";
            }

            deadline = parsed;
        }

        terms = new Terms(capacity, price, reduced, deadline);
        return null;
    }

    /// <summary>The offer of a course read from its events; <c>first</c> gives the first value a property has among them.</summary>
    private static CourseOffer ToCourseOffer(
        string courseId, string title, List<CalendarEvent> events, Func<string, string?> first, bool cancelled, IReadOnlyList<CalendarSession> kept, Terms terms)
    {
        var place = Place(first("X-DIGIBANK-HELPPOINT"), events.Select(calendarEvent => calendarEvent.Location).FirstOrDefault(value => !string.IsNullOrWhiteSpace(value)));
        return new CourseOffer
        {
            ExternalId = courseId,
            Title = title,
            Summary = events.Select(calendarEvent => calendarEvent.Description?.Trim()).FirstOrDefault(value => !string.IsNullOrEmpty(value)) ?? string.Empty,
            Topics = Vocabulary.Topics(string.Join(',', events.SelectMany(calendarEvent => calendarEvent.Categories))),
            TargetGroups = Vocabulary.TargetGroups(first("X-DIGIBANK-TARGETGROUPS")),
            Level = Vocabulary.Level(first("X-DIGIBANK-LEVEL")),
            Language = Vocabulary.Language(first("X-DIGIBANK-LANGUAGE")),
            HelpPointName = place.HelpPoint,
            VenueName = place.Venue,
            VenueStreet = place.Street,
            Municipality = place.Town,
            Capacity = terms.Capacity,
            PriceCents = terms.PriceCents,
            ReducedPriceCents = terms.ReducedPriceCents,
            SignUpDeadline = terms.SignUpDeadline,
            Cancelled = cancelled,
            WheelchairAccessible = Vocabulary.YesNo(first("X-DIGIBANK-WHEELCHAIR")) ?? false,
            AccessibilityNotes = first("X-DIGIBANK-ACCESSIBILITY"),
            Sessions = kept.Select(session => new SessionOffer(session.StartsAt, session.EndsAt, session.Room)).ToList(),
        };
    }

    /// <summary>
    /// <c>X-DIGIBANK-HELPPOINT</c> names the help point; without it LOCATION does: <c>name</c> alone is a help point,
    /// <c>name, street, [postcode] town</c> is another venue.
    /// </summary>
    private static (string? HelpPoint, string? Venue, string? Street, string? Town) Place(string? helpPoint, string? location)
    {
        var parts = (location ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var town = parts.Length >= 3 ? Vocabulary.Town(StripPostcode(parts[^1])) : null;
        if (helpPoint is not null)
        {
            return (helpPoint, null, null, town);
        }

        return parts.Length switch
        {
            0 => (null, null, null, null),
            1 => (parts[0], null, null, null),
            2 => (null, parts[0], parts[1], null),
            _ => (null, parts[0], parts[1], town),
        };
    }

    private static string StripPostcode(string town)
    {
        var words = town.Split(' ', 2, StringSplitOptions.TrimEntries);
        return words.Length == 2 && words[0].All(char.IsAsciiDigit) ? words[1] : town;
    }

    private static string? CourseIdFromUid(string uid)
    {
        var local = uid.Split('@')[0].Trim();
        var dot = local.LastIndexOf('.');
        return dot > 0 ? local[..dot] : local;
    }

    /// <summary>A time with a TZID or in UTC converts as it says; a floating time is Belgian time.</summary>
    private static bool TryToUtc(CalDateTime time, out DateTime utc, out string why)
    {
        why = string.Empty;
        if (time.IsFloating)
        {
            if (BrusselsTime.TryToUtc(time.Value, out utc))
            {
                return true;
            }

            why = $"{time.Value:yyyy-MM-dd HH:mm} falls in the hour skipped when summer time starts";
            return false;
        }

        try
        {
            utc = time.AsUtc;
            return true;
        }
        catch (ArgumentException)
        {
            utc = default;
            why = $"its time zone '{time.TzId}' is unknown";
            return false;
        }
    }

    /// <summary><c>20270110T235900</c> (Belgian time), <c>20270110T225900Z</c>, <c>20270110</c> (until the end of that day) or ISO 8601.</summary>
    private static bool TryParseDeadline(string text, out DateTime utc)
    {
        if (DateTime.TryParseExact(text, ["yyyyMMdd'T'HHmmss'Z'"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc))
        {
            utc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
            return true;
        }

        if (DateTime.TryParseExact(text, ["yyyyMMdd'T'HHmmss", "yyyyMMdd'T'HHmm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return BrusselsTime.TryToUtc(local, out utc);
        }

        if (DateTime.TryParseExact(text, ["yyyyMMdd", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return BrusselsTime.TryToUtc(day.AddDays(1).AddSeconds(-1), out utc);
        }

        return BrusselsTime.TryParseToUtc(text, out utc);
    }

    /// <summary>An X- property as text; Ical.Net keeps their values raw, so RFC 5545 escapes are undone here.</summary>
    private static string? Text(CalendarEvent calendarEvent, string property)
    {
        var value = calendarEvent.Properties.Get<string>(property)?.Trim();
        return string.IsNullOrEmpty(value)
            ? null
            : value.Replace("\\n", "\n", StringComparison.OrdinalIgnoreCase)
                .Replace("\\,", ",", StringComparison.Ordinal)
                .Replace("\\;", ";", StringComparison.Ordinal)
                .Replace("\\\\", "\\", StringComparison.Ordinal);
    }

    private sealed record Terms(int Capacity, int PriceCents, int? ReducedPriceCents, DateTime? SignUpDeadline);

    private sealed record CalendarSession(string CourseId, CalendarEvent Event, DateTime StartsAt, DateTime EndsAt, string? Room, bool Cancelled);
}
