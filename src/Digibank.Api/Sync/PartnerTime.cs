using Google.Protobuf.WellKnownTypes;

namespace Digibank.Api.Sync;

/// <summary>
/// Checks a timestamp a partner sent before it becomes a DateTime: Timestamp.ToDateTime throws on
/// seconds or nanos out of range, and that exception would fail a whole call for one bad field.
/// </summary>
public static class PartnerTime
{
    public static readonly DateTime Earliest = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime Latest = new(2100, 12, 31, 23, 59, 59, DateTimeKind.Utc);

    // The range Timestamp itself allows: 0001-01-01 to 9999-12-31.
    private const long MinSeconds = -62_135_596_800;
    private const long MaxSeconds = 253_402_300_799;

    /// <summary>Why the field is not a usable time between 2000 and 2100, or null with the time in <paramref name="time"/>.</summary>
    public static string? Problem(string field, Timestamp? timestamp, bool required, out DateTime? time)
    {
        time = null;
        if (timestamp is null)
        {
            return required ? $"{field} is required." : null;
        }

        if (timestamp.Seconds is < MinSeconds or > MaxSeconds || timestamp.Nanos is < 0 or > 999_999_999)
        {
            return $"{field} is not a valid timestamp (seconds {timestamp.Seconds}, nanos {timestamp.Nanos}).";
        }

        var value = timestamp.ToDateTime();
        if (value < Earliest || value > Latest)
        {
            return $"{field} must lie between the years 2000 and 2100, not {value:yyyy-MM-dd}.";
        }

        time = value;
        return null;
    }
}
