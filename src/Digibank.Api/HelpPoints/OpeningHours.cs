namespace Digibank.Api.HelpPoints;

/// <summary>One opening period on a weekday, in the region's local time (Europe/Brussels); <see cref="OpeningCalendar"/> adds holidays and closures.</summary>
public sealed class OpeningHours : IEntity
{
    public int Id { get; set; }

    public int HelpPointId { get; set; }

    public DayOfWeek Day { get; set; }

    public TimeOnly Opens { get; set; }

    public TimeOnly Closes { get; set; }

    public static bool IsOpenAt(IEnumerable<OpeningHours> hours, DateTime localTime)
    {
        var time = TimeOnly.FromDateTime(localTime);
        return hours.Any(period => period.Day == localTime.DayOfWeek && period.Opens <= time && time < period.Closes);
    }
}
