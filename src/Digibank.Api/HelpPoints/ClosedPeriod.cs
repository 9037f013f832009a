namespace Digibank.Api.HelpPoints;

/// <summary>A closure in the region's local time, the time the opening hours are in.</summary>
public readonly record struct ClosedPeriod(DateTime From, DateTime Until)
{
    public static ClosedPeriod Of(Closure closure) => new(Municipalities.RegionTime.ToLocal(closure.StartsAt), Municipalities.RegionTime.ToLocal(closure.EndsAt));
}
