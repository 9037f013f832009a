using Digibank.Api.Data;
using Digibank.Api.HelpPoints;
using Digibank.Api.Municipalities;
using Digibank.Api.Participants;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Devices;

/// <summary>Put a resident in the queue for a kind of device; <see cref="Staff"/> is null for a resident reserving themselves.</summary>
public sealed record ReserveDevice(int HelpPointId, DeviceKind Kind, ResidentDetails Resident, StaffUser? Staff);

public sealed record CancelReservation(int ReservationId, StaffUser Staff);

/// <summary>Hand a device to a borrower, fulfilling <see cref="ReservationId"/> or else the borrower's own place in the queue.</summary>
public sealed record LendDevice(int DeviceId, int BorrowerId, int? ReservationId, StaffUser Staff);

public sealed record RenewLoan(int LoanId, StaffUser Staff);

public sealed record ReturnDevice(int LoanId, DeviceCondition Condition, bool AccessoriesComplete, StaffUser Staff);

/// <summary>Record that a returned device was wiped; <see cref="Condition"/> null keeps the recorded one.</summary>
public sealed record MarkDeviceWiped(int DeviceId, DeviceCondition? Condition, StaffUser Staff);

/// <summary>
/// The rules of lending, whoever asks: a queue per kind of device at each help point, first come first served;
/// a borrower with an overdue device borrows nothing else; a returned device is wiped before it is lent again.
/// Works inside the caller's transaction on the caller's context; the caller saves and commits, and the events
/// follow the save. A device about to be lent is locked first (<see cref="RowLocks"/>), so no other caller, in
/// this instance or another, lends it before this one commits.
/// </summary>
public sealed class LendingDesk(DigibankDbContext db, DateTime now)
{
    public async Task<Result<Reservation>> ReserveAsync(ReserveDevice command, CancellationToken cancellationToken)
    {
        var (helpPointId, kind, resident, staff) = command;
        var helpPoint = await db.HelpPoints.SingleOrDefaultAsync(h => h.Id == helpPointId, cancellationToken);
        if (helpPoint is null)
        {
            return new NotFoundError("There is no such help point.");
        }

        if (!await db.Municipalities.AnyAsync(m => m.Id == resident.MunicipalityId, cancellationToken))
        {
            return new NotFoundError("There is no such town in the region.");
        }

        var lendsThisKind = helpPoint.Services.Contains(HelpPointService.DeviceLending)
            && await db.Devices.AnyAsync(d => d.HomeHelpPointId == helpPoint.Id && d.Kind == kind && d.Status != DeviceStatus.Retired, cancellationToken);
        if (!lendsThisKind)
        {
            return new LendingNotOfferedError($"{helpPoint.Name} does not lend a {KindName(kind)}.");
        }

        if (staff is not null && !staff.CanServeResidentsAt(helpPoint.Id))
        {
            return new NotAllowedError("You can reserve devices for residents only at the help points you work at.");
        }

        var known = await resident.FindKnownAsync(db, cancellationToken);
        // As with sign-ups: only staff learn that the person is in the queue already.
        if (staff is not null && known is not null
            && await db.Reservations.WaitingFor(helpPoint.Id, kind).FirstOrDefaultAsync(r => r.ParticipantId == known.Id, cancellationToken) is { } existing)
        {
            return new AlreadyInQueueError(
                $"This person is already waiting for a {KindName(kind)} at {helpPoint.Name}.", await PositionAsync(existing, cancellationToken));
        }

        return db.Reservations.Add(new Reservation
        {
            HelpPointId = helpPoint.Id,
            Kind = kind,
            Participant = resident.Store(db, known, now, staff),
            Status = ReservationStatus.Waiting,
            CreatedAt = now,
        }).Entity;
    }

    public async Task<Result<Reservation>> CancelReservationAsync(CancelReservation command, CancellationToken cancellationToken)
    {
        var reservation = await db.Reservations.SingleOrDefaultAsync(r => r.Id == command.ReservationId, cancellationToken);
        if (reservation is null)
        {
            return new NotFoundError("There is no such reservation.");
        }

        if (!command.Staff.CanActFor(reservation.HelpPointId))
        {
            return new NotAllowedError("This reservation is for a help point you do not work at.");
        }

        if (NotWaiting(reservation) is { } notWaiting)
        {
            return notWaiting;
        }

        reservation.Status = ReservationStatus.Cancelled;
        return reservation;
    }

    public async Task<Result<Loan>> LendAsync(LendDevice command, CancellationToken cancellationToken)
    {
        var staff = command.Staff;
        await db.LockAsync<Device>(command.DeviceId, cancellationToken);
        var found = await DeviceOfStaffAsync(command.DeviceId, staff, cancellationToken);
        if (found.Value is not { } device)
        {
            return found.Error!;
        }

        var borrower = await db.Participants.SingleOrDefaultAsync(p => p.Id == command.BorrowerId && p.ErasedAt == null, cancellationToken);
        if (borrower is null)
        {
            return new NotFoundError("There is no such participant.");
        }

        if (device.Status != DeviceStatus.Available)
        {
            return new DeviceNotAvailableError($"{device.AssetTag} cannot be lent: it is {StatusName(device.Status)}.", device.Status);
        }

        if (await db.Loans.OverdueAt(now).Where(l => l.ParticipantId == borrower.Id).OrderBy(l => l.DueAt).FirstOrDefaultAsync(cancellationToken) is { } overdue)
        {
            return new BorrowerHasOverdueLoanError(
                $"A device lent to this person was due on {Region.ToLocal(overdue.DueAt):d MMMM yyyy}; it has to come back before they borrow another.", overdue.DueAt);
        }

        var queue = await db.Reservations.WaitingFor(device.HomeHelpPointId, device.Kind).ToListAsync(cancellationToken);
        var reservation = queue.FirstOrDefault(r => r.ParticipantId == borrower.Id);
        if (command.ReservationId is { } reservationId)
        {
            reservation = await db.Reservations.SingleOrDefaultAsync(r => r.Id == reservationId, cancellationToken);
            if (reservation is null)
            {
                return new NotFoundError("There is no such reservation.");
            }

            if (reservation.ParticipantId != borrower.Id || reservation.HelpPointId != device.HomeHelpPointId || reservation.Kind != device.Kind)
            {
                return new InvalidInputError("reservationId", "This reservation is not the borrower's reservation for this kind of device at this help point.");
            }

            if (NotWaiting(reservation) is { } notWaiting)
            {
                return notWaiting;
            }
        }

        // Everyone ahead of the borrower keeps a device on the shelf: the first in line may take any
        // available device, the second needs two, someone not in the queue one more than are waiting.
        var place = reservation is null ? queue.Count + 1 : queue.FindIndex(r => r.Id == reservation.Id) + 1;
        if (place > 1)
        {
            var available = await db.Devices.CountAsync(
                d => d.HomeHelpPointId == device.HomeHelpPointId && d.Kind == device.Kind && d.Status == DeviceStatus.Available, cancellationToken);
            if (available < place)
            {
                return new QueueHasPriorityError(
                    $"{queue.Count} waiting for a {KindName(device.Kind)} here; this device goes to the first in the queue.", queue.Count);
            }
        }

        var rule = await db.LoanRules.SingleAsync(r => r.Kind == device.Kind, cancellationToken);
        reservation?.Status = ReservationStatus.Fulfilled;
        device.Status = DeviceStatus.OnLoan;
        return db.Loans.Add(new Loan
        {
            DeviceId = device.Id,
            ParticipantId = borrower.Id,
            HelpPointId = device.HomeHelpPointId,
            CheckedOutAt = now,
            CheckedOutBy = staff.Subject,
            DueAt = now.AddDays(rule.LoanPeriodDays),
        }).Entity;
    }

    public async Task<Result<Loan>> RenewAsync(RenewLoan command, CancellationToken cancellationToken)
    {
        var open = await OpenLoanOfStaffAsync(command.LoanId, command.Staff, "This loan is from a help point you do not work at.", cancellationToken);
        if (open.Value is not { } loan)
        {
            return open;
        }

        var rule = await db.LoanRules.SingleAsync(r => r.Kind == loan.Device!.Kind, cancellationToken);
        if (loan.Renewals >= rule.RenewalsAllowed)
        {
            return new RenewalLimitReachedError(
                $"A {KindName(rule.Kind)} loan can be renewed {rule.RenewalsAllowed} time(s); this one already was.", rule.RenewalsAllowed);
        }

        var waiting = await db.Reservations.WaitingFor(loan.HelpPointId, rule.Kind).CountAsync(cancellationToken);
        if (waiting > 0)
        {
            return new WaitingListError($"{waiting} waiting for a {KindName(rule.Kind)} here, so this loan cannot be renewed.", waiting);
        }

        loan.DueAt = loan.DueAt.AddDays(rule.LoanPeriodDays);
        loan.Renewals++;
        return loan;
    }

    /// <summary>Takes a device back into MAINTENANCE: it must be wiped before it is lent again.</summary>
    public async Task<Result<Loan>> ReturnAsync(ReturnDevice command, CancellationToken cancellationToken)
    {
        var open = await OpenLoanOfStaffAsync(
            command.LoanId, command.Staff, "This loan is from a help point you do not work at; bring the device back there.", cancellationToken);
        if (open.Value is not { } loan)
        {
            return open;
        }

        loan.ReturnedAt = now;
        loan.ReturnedCondition = command.Condition;
        loan.AccessoriesComplete = command.AccessoriesComplete;
        loan.Device!.Condition = command.Condition;
        loan.Device.Status = DeviceStatus.Maintenance;
        return loan;
    }

    /// <summary>Makes a wiped device AVAILABLE again, unless it is damaged.</summary>
    public async Task<Result<Device>> MarkWipedAsync(MarkDeviceWiped command, CancellationToken cancellationToken)
    {
        var found = await DeviceOfStaffAsync(command.DeviceId, command.Staff, cancellationToken);
        if (found.Value is not { } device)
        {
            return found;
        }

        if (device.Status != DeviceStatus.Maintenance)
        {
            return new DeviceNotInMaintenanceError($"{device.AssetTag} is {StatusName(device.Status)}, not in maintenance.", device.Status);
        }

        var condition = command.Condition ?? device.Condition;
        if (condition == DeviceCondition.Damaged)
        {
            return new DeviceDamagedError($"{device.AssetTag} is damaged: it stays in maintenance until it is repaired.");
        }

        device.Condition = condition;
        device.Status = DeviceStatus.Available;
        return device;
    }

    /// <summary>The device a staff member acts on: it exists and belongs to a help point they work at.</summary>
    private async Task<Result<Device>> DeviceOfStaffAsync(int deviceId, StaffUser staff, CancellationToken cancellationToken)
    {
        var device = await db.Devices.SingleOrDefaultAsync(d => d.Id == deviceId, cancellationToken);
        return device is null ? new NotFoundError("There is no such device.")
            : !staff.CanActFor(device.HomeHelpPointId) ? new NotAllowedError("This device belongs to a help point you do not work at.")
            : device;
    }

    /// <summary>The loan a staff member acts on: it exists, is from a help point they work at, and is not yet returned.</summary>
    private async Task<Result<Loan>> OpenLoanOfStaffAsync(int loanId, StaffUser staff, string notTheirHelpPoint, CancellationToken cancellationToken)
    {
        var loan = await db.Loans.Include(l => l.Device).SingleOrDefaultAsync(l => l.Id == loanId, cancellationToken);
        return loan is null ? new NotFoundError("There is no such loan.")
            : !staff.CanActFor(loan.HelpPointId) ? new NotAllowedError(notTheirHelpPoint)
            : loan.ReturnedAt is { } returnedAt ? new LoanAlreadyReturnedError("This device has already been brought back.", returnedAt)
            : loan;
    }

    private static ReservationNotWaitingError? NotWaiting(Reservation reservation) =>
        reservation.Status == ReservationStatus.Waiting ? null : new("This reservation is no longer in the queue.", reservation.Status);

    private async Task<int> PositionAsync(Reservation reservation, CancellationToken cancellationToken) =>
        await db.Reservations.WaitingFor(reservation.HelpPointId, reservation.Kind).CountAsync(r => r.Id < reservation.Id, cancellationToken) + 1;

    private static string KindName(DeviceKind kind) => kind.ToString().ToLowerInvariant();

    private static string StatusName(DeviceStatus status) => status switch
    {
        DeviceStatus.OnLoan => "on loan",
        DeviceStatus.Maintenance => "in maintenance, waiting to be wiped",
        _ => status.ToString().ToLowerInvariant(),
    };
}
