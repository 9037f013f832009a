using System.Globalization;
using Digibank.Plugins.Shared;
using Digibank.Plugins.Shared.Csv;

namespace Digibank.Plugins.Ligo;

/// <summary>
/// One row of LIGO's course export. Rows the plug-in cannot read (no code, a date it cannot parse) are skipped with a
/// warning; values that are readable but wrong (0 seats, a session that ends before it starts, a help point the
/// platform does not know) go to the platform, which rejects the offer and says why.
/// </summary>
internal static class LigoCourseRow
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy"];
    private static readonly string[] DateTimeFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd H:mm", "d/M/yyyy HH:mm", "d/M/yyyy H:mm"];

    public static CourseOffer? Parse(CsvFile csv, string fileName, IPluginLog log)
    {
        var code = csv.Get("cursuscode");
        if (string.IsNullOrEmpty(code))
        {
            log.Warning($"{fileName} line {csv.Line}: skipped, no cursuscode.");
            return null;
        }

        void Skip(string why) => log.Warning($"{fileName} line {csv.Line}, course {code}: skipped, {why}.");

        var status = (csv.Get("status") ?? string.Empty).ToLowerInvariant();
        if (status is "concept" or "ontwerp")
        {
            // A draft is not published yet; leaving it out is LIGO's intent, not an error.
            log.Info($"{fileName} line {csv.Line}, course {code}: draft (status {status}), not published.");
            return null;
        }

        var title = csv.Get("titel");
        if (string.IsNullOrEmpty(title))
        {
            Skip("no titel");
            return null;
        }

        if (ReadSessions(csv, out var sessions) is { } sessionsUnreadable)
        {
            Skip(sessionsUnreadable);
            return null;
        }

        if (ReadTerms(csv, out var terms) is { } termsUnreadable)
        {
            Skip(termsUnreadable);
            return null;
        }

        return Offer(csv, code, title, status, sessions, terms);
    }

    /// <summary>The row's sessions in the room it names; null when they are read, else why the row is skipped.</summary>
    private static string? ReadSessions(CsvFile csv, out List<SessionOffer> sessions)
    {
        sessions = [];
        var room = NullIfEmpty(csv.Get("lokaal"));
        foreach (var session in Vocabulary.SplitList(csv.Get("sessies")))
        {
            if (!TryParseSession(session, room, out var parsed, out var why))
            {
                return $"session '{session}' {why}";
            }

            sessions.Add(parsed);
        }

        return sessions.Count == 0 ? "no sessies" : null;
    }

    /// <summary>Seats, prices and the sign-up deadline; null when they are read, else why the row is skipped.</summary>
    private static string? ReadTerms(CsvFile csv, out Terms terms)
    {
        terms = null!;
        var capacityText = csv.Get("plaatsen");
        var capacity = 0;
        if (!string.IsNullOrEmpty(capacityText) && !int.TryParse(capacityText, NumberStyles.Integer, CultureInfo.InvariantCulture, out capacity))
        {
            return $"plaatsen '{capacityText}' is not a number";
        }

        if (!Vocabulary.TryParseEuroCents(csv.Get("prijs"), out var price))
        {
            return $"prijs '{csv.Get("prijs")}' is not an amount";
        }

        int? reduced = null;
        var reducedText = csv.Get("verminderd");
        if (!string.IsNullOrEmpty(reducedText))
        {
            if (!Vocabulary.TryParseEuroCents(reducedText, out var reducedCents))
            {
                return $"verminderd '{reducedText}' is not an amount";
            }

            reduced = reducedCents;
        }

        DateTime? deadline = null;
        var deadlineText = csv.Get("inschrijven_tot");
        if (!string.IsNullOrEmpty(deadlineText))
        {
            if (!TryParseDeadline(deadlineText, out var parsedDeadline))
            {
                return $"inschrijven_tot '{deadlineText}' is not a date";
            }

            deadline = parsedDeadline;
        }

        terms = new Terms(capacity, price, reduced, deadline);
        return null;
    }

    private static CourseOffer Offer(CsvFile csv, string code, string title, string status, List<SessionOffer> sessions, Terms terms)
    {
        // A LIGO location with a street is a venue of its own; without one it names a Digibank help point.
        var location = NullIfEmpty(csv.Get("locatie"));
        var street = NullIfEmpty(csv.Get("adres"));
        var town = NullIfEmpty(csv.Get("gemeente"));
        return new CourseOffer
        {
            ExternalId = code,
            Title = title,
            Summary = csv.Get("omschrijving") ?? string.Empty,
            Topics = Vocabulary.Topics(csv.Get("thema's", "themas", "thema")),
            TargetGroups = Vocabulary.TargetGroups(csv.Get("doelgroep", "doelgroepen")),
            Level = Vocabulary.Level(csv.Get("niveau")),
            Language = Vocabulary.Language(csv.Get("taal")),
            HelpPointName = street is null ? location : null,
            VenueName = street is null ? null : location,
            VenueStreet = street,
            Municipality = town is null ? null : Vocabulary.Town(town),
            Capacity = terms.Capacity,
            PriceCents = terms.PriceCents,
            ReducedPriceCents = terms.ReducedPriceCents,
            SignUpDeadline = terms.SignUpDeadline,
            Cancelled = status is "geannuleerd" or "afgelast",
            WheelchairAccessible = Vocabulary.YesNo(csv.Get("rolstoel")) ?? false,
            AccessibilityNotes = NullIfEmpty(csv.Get("toegankelijkheid")),
            Sessions = sessions,
        };
    }

    /// <summary><c>2027-01-12 09:30-11:30</c>, Belgian time.</summary>
    private static bool TryParseSession(string text, string? room, out SessionOffer session, out string why)
    {
        session = null!;
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var times = parts.Length == 2 ? parts[1].Split('-') : [];
        if (parts.Length != 2 || times.Length != 2
            || !DateTime.TryParseExact(parts[0], DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || !TimeOnly.TryParseExact(times[0], ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !TimeOnly.TryParseExact(times[1], ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
        {
            why = "is not 'yyyy-mm-dd hh:mm-hh:mm'";
            return false;
        }

        if (!BrusselsTime.TryToUtc(day.Add(from.ToTimeSpan()), out var startsAt) || !BrusselsTime.TryToUtc(day.Add(to.ToTimeSpan()), out var endsAt))
        {
            why = "falls in the hour skipped when summer time starts";
            return false;
        }

        // An end before the start is passed on as it is: the platform rejects it and LIGO sees why.
        session = new SessionOffer(startsAt, endsAt, room);
        why = string.Empty;
        return true;
    }

    /// <summary>A date alone means until the end of that day.</summary>
    private static bool TryParseDeadline(string text, out DateTime utc)
    {
        if (DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment))
        {
            return BrusselsTime.TryToUtc(moment, out utc);
        }

        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return BrusselsTime.TryToUtc(day.AddDays(1).AddSeconds(-1), out utc);
        }

        utc = default;
        return false;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private sealed record Terms(int Capacity, int PriceCents, int? ReducedPriceCents, DateTime? SignUpDeadline);
}
