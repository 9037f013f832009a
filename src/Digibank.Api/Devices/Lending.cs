namespace Digibank.Api.Devices;

/// <summary>The lending rules that queries and mutations share.</summary>
public static class Lending
{
    /// <summary>
    /// The queue for one kind at one help point, first in line first. Queue order is the order of
    /// arrival, taken from the id because the clock can give two reservations the same moment.
    /// </summary>
    public static IQueryable<Reservation> WaitingFor(this IQueryable<Reservation> reservations, int helpPointId, DeviceKind kind) =>
        reservations
            .Where(r => r.HelpPointId == helpPointId && r.Kind == kind && r.Status == ReservationStatus.Waiting)
            .OrderBy(r => r.Id);

    public static IQueryable<Loan> OverdueAt(this IQueryable<Loan> loans, DateTime now) =>
        loans.Where(l => l.ReturnedAt == null && l.DueAt < now);

    public static bool IsOverdueAt(this Loan loan, DateTime now) => loan.ReturnedAt is null && loan.DueAt < now;

    /// <summary>The kind of device as a resident says it: "laptop", "tablet", "smartphone".</summary>
    public static string NameOf(DeviceKind kind) => kind.ToString().ToLowerInvariant();
}
