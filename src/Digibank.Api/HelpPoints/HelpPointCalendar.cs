namespace Digibank.Api.HelpPoints;

/// <summary>A help point's weekly hours and its closures that have not ended, in local time.</summary>
public sealed record HelpPointCalendar(IReadOnlyList<OpeningHours> Hours, IReadOnlyList<ClosedPeriod> Closed);
