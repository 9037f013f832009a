namespace Digibank.Api.Municipalities;

/// <summary>The region's clock: opening hours and session times are Belgian local time.</summary>
public static class Region
{
    public static readonly TimeZoneInfo TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    public static DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZone);
}
