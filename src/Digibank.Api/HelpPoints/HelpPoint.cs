using Digibank.Api.Municipalities;

namespace Digibank.Api.HelpPoints;

/// <summary>An antenna point (antennepunt) where residents get help, borrow devices or follow courses.</summary>
public sealed class HelpPoint : IEntity
{
    public int Id { get; set; }

    public required string Name
    {
        get;
        set
        {
            field = value;
            NameKey = TextKey.Fold(value);
        }
    }

    public string NameKey { get; private set; } = string.Empty;

    public HelpPointKind Kind { get; set; }

    public int MunicipalityId { get; set; }

    public Municipality? Municipality { get; set; }

    public int? SectionId { get; set; }

    public MunicipalitySection? Section { get; set; }

    /// <summary>Street and number; empty for the mobile team, which comes to people's homes.</summary>
    public string? Street { get; set; }

    public string? PostalCode { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public List<HelpPointService> Services { get; set; } = [];

    public bool WheelchairAccessible { get; set; }

    public string? AccessibilityNotes { get; set; }

    public List<OpeningHours> OpeningHours { get; set; } = [];

    public List<Closure> Closures { get; set; } = [];
}

public enum HelpPointKind
{
    Library,
    NeighbourhoodSalon,
    ServiceCentre,
    CommunityHouse,
    TownHall,
    MobileTeam,
}

public enum HelpPointService
{
    WalkInHelp,
    DeviceLending,
    Courses,
    Digibuddy,
    HomeVisits,
}

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
