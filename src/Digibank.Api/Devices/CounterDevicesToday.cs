using Digibank.Api.Data;
using Digibank.Api.Municipalities;
using Digibank.Api.Participants;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Devices;

/// <summary>
/// The counter's day of lending at a help point: the devices waiting to be collected and the loans due back today or
/// overdue, each with the person and the device. Two statements, however many rows.
/// </summary>
public sealed class CounterDevicesToday(IDbContextFactory<DigibankDbContext> dbContextFactory, TimeProvider clock)
{
    /// <summary>Today's devices of <paramref name="helpPointId"/>, the most urgent first; nothing for someone who does not work there.</summary>
    public async Task<DevicesToday> TodayAsync(int helpPointId, StaffUser staff, CancellationToken cancellationToken)
    {
        if (!staff.CanActFor(helpPointId, staff.RegionId))
        {
            return new DevicesToday([], []);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (_, endOfToday) = RegionTime.DayOf(now);
        var regionId = staff.RegionId;
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var toCollect = await (
                from reservation in db.Reservations
                where reservation.HelpPointId == helpPointId && reservation.RegionId == regionId && reservation.Status == ReservationStatus.Ready
                join device in db.Devices on reservation.DeviceId equals device.Id into devices
                from device in devices.DefaultIfEmpty()
                join person in db.Participants on reservation.ParticipantId equals person.Id
                orderby reservation.ReadyUntil, reservation.Id
                select new DeviceToCollect(reservation.Id, person.FirstName, person.Phone, reservation.Kind, device!.Model, device.AssetTag, reservation.ReadyUntil, reservation.ConfirmedAt != null))
            .ToListAsync(cancellationToken);
        var due = await db.Loans
            .Where(l => l.HelpPointId == helpPointId && l.RegionId == regionId && l.ReturnedAt == null && l.DueAt < endOfToday)
            .OrderBy(l => l.DueAt).ThenBy(l => l.Id)
            .Select(l => new { l.Id, l.Participant!.FirstName, l.Participant.Phone, l.Device!.Kind, l.Device.Model, l.Device.AssetTag, l.DueAt })
            .ToListAsync(cancellationToken);
        var today = RegionTime.DateOf(now);
        return new DevicesToday(toCollect,
            [.. due.Select(l => new LoanDue(l.Id, l.FirstName, l.Phone, l.Kind, l.Model, l.AssetTag, l.DueAt, today.DayNumber - RegionTime.DateOf(l.DueAt).DayNumber))]);
    }
}
