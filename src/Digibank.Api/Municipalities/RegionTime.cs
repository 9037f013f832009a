namespace Digibank.Api.Municipalities;

/// <summary>The region's clock: opening hours and session times are Belgian local time.</summary>
public static class RegionTime
{
    public static readonly TimeZoneInfo TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    public static DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZone);

    public static DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeZone);

    /// <summary>The first moment (UTC) of the region's day that holds <paramref name="utc"/>.</summary>
    public static DateTime StartOfLocalDay(DateTime utc) => ToUtc(ToLocal(utc).Date);

    /// <summary>The last moment (UTC) of the region's day that holds <paramref name="utc"/>: "collect it by Friday" means all of Friday.</summary>
    public static DateTime EndOfLocalDay(DateTime utc) => ToUtc(ToLocal(utc).Date.AddDays(1)).AddSeconds(-1);

    /// <summary>
    /// The region's day that holds <paramref name="utc"/>, from its first moment up to the first moment of the next
    /// (both UTC): what "today" means at a counter, 23 or 25 hours long on the days the clocks change.
    /// </summary>
    public static (DateTime Start, DateTime End) DayOf(DateTime utc)
    {
        var date = ToLocal(utc).Date;
        return (ToUtc(date), ToUtc(date.AddDays(1)));
    }

    /// <summary>The region's calendar date at <paramref name="utc"/>.</summary>
    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));
}
