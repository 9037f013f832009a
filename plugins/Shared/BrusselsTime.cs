using System.Globalization;

namespace Digibank.Plugins.Shared;

/// <summary>Partners write times as people in Belgium read them; the platform wants UTC.</summary>
internal static class BrusselsTime
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    /// <summary>
    /// A Belgian wall-clock time in UTC. False for a time that does not exist (the hour skipped when summer time
    /// starts); an hour that happens twice in autumn is read as the first, summer-time one.
    /// </summary>
    public static bool TryToUtc(DateTime local, out DateTime utc)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(unspecified))
        {
            utc = default;
            return false;
        }

        var offset = Zone.IsAmbiguousTime(unspecified) ? Zone.GetAmbiguousTimeOffsets(unspecified).Max() : Zone.GetUtcOffset(unspecified);
        utc = DateTime.SpecifyKind(unspecified - offset, DateTimeKind.Utc);
        return true;
    }

    /// <summary>A UTC moment as Belgian wall-clock time with its offset, e.g. <c>2027-01-12T14:05:00+01:00</c>.</summary>
    public static DateTimeOffset FromUtc(DateTime utc)
    {
        var asUtc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return new DateTimeOffset(asUtc).ToOffset(Zone.GetUtcOffset(asUtc));
    }

    /// <summary>A UTC moment as Belgian wall-clock text, <c>yyyy-MM-dd HH:mm:ss</c>, the way spreadsheets show it.</summary>
    public static string LocalText(DateTime utc) =>
        FromUtc(utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>
    /// A date-time given with an offset or <c>Z</c> (taken as it stands) or without one (Belgian time), in UTC.
    /// </summary>
    public static bool TryParseToUtc(string? text, out DateTime utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || HasNumericOffset(text);
        if (hasOffset)
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
            {
                return false;
            }

            utc = withOffset.UtcDateTime;
            return true;
        }

        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) && TryToUtc(local, out utc);
    }

    /// <summary>A last moment to sign up: a date alone (<c>2027-04-02</c>) means until the end of that day.</summary>
    public static bool TryParseDeadlineToUtc(string? text, out DateTime utc)
    {
        if (DateTime.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return TryToUtc(day.AddDays(1).AddSeconds(-1), out utc);
        }

        return TryParseToUtc(text, out utc);
    }

    // "…T09:00:00+01:00" or "…T09:00:00-0500": a sign after the time part.
    private static bool HasNumericOffset(string text)
    {
        var timeStart = text.IndexOfAny(['T', 't', ' ']);
        return timeStart > 0 && text.IndexOfAny(['+', '-'], timeStart) > 0;
    }
}
