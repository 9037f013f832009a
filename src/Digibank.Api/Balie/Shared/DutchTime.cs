using System.Globalization;
using Digibank.Api.Municipalities;

namespace Digibank.Api.Balie.Shared;

/// <summary>Moments as the counter says them: in the region's time, in Dutch ("maandag 30 november 2026", "14:00").</summary>
public static class DutchTime
{
    public static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE");

    public static string Date(DateTime utc) => Date(RegionTime.DateOf(utc));

    public static string Date(DateOnly date) => date.ToString("dddd d MMMM yyyy", Dutch);

    public static string Hour(DateTime utc) => RegionTime.ToLocal(utc).ToString("HH:mm", Dutch);
}
