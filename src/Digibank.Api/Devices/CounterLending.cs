using Digibank.Api.Data;
using Digibank.Api.Participants;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Devices;

/// <summary>
/// Lending at the counter (the Uitlenen pages and a person's page): what a help point has on the shelf and out, a loan's
/// slip, a person's loans and reservations, each in a few queries whatever their number; and every change through
/// <see cref="LendingDesk"/>, the same rules as the GraphQL mutations, in one <see cref="StoreWork"/>.
/// </summary>
public sealed class CounterLending(IServiceProvider services, IDbContextFactory<DigibankDbContext> dbContextFactory, TimeProvider clock)
{
    /// <summary>A list on a lending page shows at most this many rows.</summary>
    public const int PageSize = 50;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The shelf of <paramref name="helpPointId"/> for a staff member who works there; devices set aside for <paramref name="borrowerId"/> count as free.</summary>
    public async Task<LendingShelf> ShelfAsync(StaffUser me, int helpPointId, int? borrowerId, CancellationToken cancellationToken)
    {
        if (!me.CanActFor(helpPointId, me.RegionId))
        {
            return LendingShelf.Empty;
        }

        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var devices = db.Devices.AsNoTracking().Where(d => d.HomeHelpPointId == helpPointId && d.RegionId == me.RegionId);
        var reservations = db.Reservations;
        var available = await devices
            .Where(d => d.Status == DeviceStatus.Available || (d.Status == DeviceStatus.Reserved
                && reservations.Any(r => r.DeviceId == d.Id && r.Status == ReservationStatus.Ready && r.ParticipantId == borrowerId)))
            .OrderBy(d => d.Kind).ThenBy(d => d.AssetTag).Take(PageSize + 1).ToListAsync(cancellationToken);
        var lent = await db.Loans.AsNoTracking().Include(l => l.Device).Include(l => l.Participant)
            .Where(l => l.HelpPointId == helpPointId && l.RegionId == me.RegionId && l.ReturnedAt == null)
            .OrderBy(l => l.DueAt).ThenBy(l => l.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
        var toWipe = await devices.Where(d => d.Status == DeviceStatus.Maintenance).OrderBy(d => d.AssetTag).Take(PageSize).ToListAsync(cancellationToken);
        var rules = await db.LoanRules.AsNoTracking().ToListAsync(cancellationToken);
        return new LendingShelf([.. available.Take(PageSize)], available.Count > PageSize, [.. lent.Take(PageSize)], lent.Count > PageSize, toWipe, rules);
    }

    /// <summary>A loan of a help point the staff member works at, with its device and borrower: for its slip and for taking it back.</summary>
    public async Task<Loan?> LoanAsync(StaffUser me, int loanId, CancellationToken cancellationToken)
    {
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var loan = await db.Loans.AsNoTracking().Include(l => l.Device).Include(l => l.Participant)
            .SingleOrDefaultAsync(l => l.Id == loanId && l.RegionId == me.RegionId, cancellationToken);
        return loan is not null && me.CanActFor(loan.HelpPointId, loan.RegionId) ? loan : null;
    }

    /// <summary>A device of a help point the staff member works at, with the loan it last came back from.</summary>
    public async Task<DeviceToWipe?> DeviceAsync(StaffUser me, int deviceId, CancellationToken cancellationToken)
    {
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var device = await db.Devices.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deviceId && d.RegionId == me.RegionId, cancellationToken);
        if (device is null || !me.CanActFor(device.HomeHelpPointId, device.RegionId))
        {
            return null;
        }

        var lastLoan = await db.Loans.AsNoTracking().Include(l => l.Participant)
            .Where(l => l.DeviceId == device.Id && l.ReturnedAt != null).OrderByDescending(l => l.ReturnedAt).FirstOrDefaultAsync(cancellationToken);
        return new DeviceToWipe(device, lastLoan);
    }

    /// <summary>A person's loans and reservations in the region, latest first: what their page shows.</summary>
    public async Task<PersonLending> OfPersonAsync(StaffUser me, int participantId, CancellationToken cancellationToken)
    {
        if (!CounterPeople.MaySee(me))
        {
            return PersonLending.None;
        }

        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var queues = db.Reservations;
        var loans = await db.Loans.AsNoTracking().Include(l => l.Device)
            .Where(l => l.ParticipantId == participantId && l.RegionId == me.RegionId)
            .OrderByDescending(l => l.CheckedOutAt).ThenByDescending(l => l.Id).Take(PageSize).ToListAsync(cancellationToken);
        var reservations = await db.Reservations.AsNoTracking()
            .Where(r => r.ParticipantId == participantId && r.RegionId == me.RegionId)
            .OrderByDescending(r => r.Id).Take(PageSize)
            .Select(r => new PersonReservation(r.Id, r.HelpPointId, r.Kind, r.Status, r.CreatedAt, r.ReadyUntil, r.Status == ReservationStatus.Waiting
                ? queues.Count(o => o.HelpPointId == r.HelpPointId && o.Kind == r.Kind && o.Status == ReservationStatus.Waiting && o.Id < r.Id) + 1
                : null))
            .ToListAsync(cancellationToken);
        return new PersonLending(loans, reservations);
    }

    public Task<Result<Loan>> LendAsync(LendDevice command, CancellationToken cancellationToken) =>
        RunAsync(desk => desk.LendAsync(command, cancellationToken), cancellationToken);

    public Task<Result<Loan>> RenewAsync(RenewLoan command, CancellationToken cancellationToken) =>
        RunAsync(desk => desk.RenewAsync(command, cancellationToken), cancellationToken);

    public Task<Result<Loan>> ReturnAsync(ReturnDevice command, CancellationToken cancellationToken) =>
        RunAsync(desk => desk.ReturnAsync(command, cancellationToken), cancellationToken);

    public Task<Result<Device>> MarkWipedAsync(MarkDeviceWiped command, CancellationToken cancellationToken) =>
        RunAsync(desk => desk.MarkWipedAsync(command, cancellationToken), cancellationToken);

    public Task<Result<Reservation>> CancelReservationAsync(CancelReservation command, CancellationToken cancellationToken) =>
        RunAsync(desk => desk.CancelReservationAsync(command, cancellationToken), cancellationToken);

    /// <summary>Puts a person picked at the counter in the queue for <paramref name="kind"/> at <paramref name="helpPointId"/>.</summary>
    public Task<Result<Reserved>> ReserveAsync(StaffUser me, int helpPointId, DeviceKind kind, int participantId, CancellationToken cancellationToken) =>
        StoreWork.RunAsync<Reserved>(services, async work =>
        {
            var person = await work.Db.Participants.SingleOrDefaultAsync(p => p.Id == participantId && p.RegionId == me.RegionId && p.ErasedAt == null, cancellationToken);
            return person is null
                ? new NotFoundError("There is no such participant.")
                : await new LendingDesk(work.Db, Now).ReserveAsync(new ReserveDevice(helpPointId, kind, ResidentDetails.Of(person), me), cancellationToken);
        }, cancellationToken);

    private Task<Result<T>> RunAsync<T>(Func<LendingDesk, Task<Result<T>>> change, CancellationToken cancellationToken)
        where T : class =>
        StoreWork.RunAsync(services, work => change(new LendingDesk(work.Db, Now)), cancellationToken);
}
