namespace Digibank.Api.HelpPoints;

/// <summary>
/// When a help point is open: its weekly hours, except on Belgium's public holidays and during its closures.
/// Everything here is in the region's local time.
/// </summary>
public static class OpeningCalendar
{
    /// <summary>How far ahead "next open" is looked for: a summer closure lasts some weeks.</summary>
    public const int LookAheadDays = 62;

    public static bool IsOpenAt(IEnumerable<OpeningHours> hours, IEnumerable<ClosedPeriod> closures, DateTime localTime) =>
        !IsPublicHoliday(DateOnly.FromDateTime(localTime))
        && !closures.Any(closure => closure.From <= localTime && localTime < closure.Until)
        && OpeningHours.IsOpenAt(hours, localTime);

    /// <summary>The moment the point is next open: now while it is open; null when it is closed for the whole look-ahead.</summary>
    public static DateTime? NextOpenAt(IReadOnlyCollection<OpeningHours> hours, IReadOnlyCollection<ClosedPeriod> closures, DateTime localTime)
    {
        if (IsOpenAt(hours, closures, localTime))
        {
            return localTime;
        }

        for (var day = 0; day < LookAheadDays; day++)
        {
            var date = localTime.Date.AddDays(day);
            if (IsPublicHoliday(DateOnly.FromDateTime(date)))
            {
                continue;
            }

            // Within an opening period, a closure may end before the period does ("closed until noon").
            var candidates = hours.Where(period => period.Day == date.DayOfWeek)
                .SelectMany(period => closures.Select(c => c.Until).Append(date.Add(period.Opens.ToTimeSpan()))
                    .Where(moment => moment >= date.Add(period.Opens.ToTimeSpan()) && moment < date.Add(period.Closes.ToTimeSpan())))
                .Where(moment => moment > localTime)
                .Order();
            foreach (var moment in candidates)
            {
                if (IsOpenAt(hours, closures, moment))
                {
                    return moment;
                }
            }
        }

        return null;
    }

    /// <summary>Belgium's ten public holidays (wettelijke feestdagen), on which the help points are closed.</summary>
    public static IReadOnlyList<(DateOnly Date, string Name)> PublicHolidays(int year)
    {
        var easter = EasterSunday(year);
        return
        [
            (new DateOnly(year, 1, 1), "Nieuwjaar"),
            (easter.AddDays(1), "Paasmaandag"),
            (new DateOnly(year, 5, 1), "Dag van de Arbeid"),
            (easter.AddDays(39), "Onze-Lieve-Heer-Hemelvaart"),
            (easter.AddDays(50), "Pinkstermaandag"),
            (new DateOnly(year, 7, 21), "Nationale feestdag"),
            (new DateOnly(year, 8, 15), "Onze-Lieve-Vrouw-Hemelvaart"),
            (new DateOnly(year, 11, 1), "Allerheiligen"),
            (new DateOnly(year, 11, 11), "Wapenstilstand"),
            (new DateOnly(year, 12, 25), "Kerstmis"),
        ];
    }

    public static bool IsPublicHoliday(DateOnly date) => PublicHolidays(date.Year).Any(holiday => holiday.Date == date);

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
