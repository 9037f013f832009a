using Digibank.Api.Data;
using Digibank.Api.HelpPoints;
using Digibank.Api.Municipalities;
using Digibank.Api.Participants;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Devices;

/// <summary>
/// The rules of lending, whoever asks: a queue per kind of device at each help point, first come first served;
/// a borrower with an overdue device borrows nothing else, and holds at most the kind's number of devices at once;
/// a returned device is wiped before it is lent again, and then set aside (READY) for the first in the queue, who
/// has the kind's number of days to collect it before it goes to the next.
/// Works inside the caller's transaction on the caller's context; the caller saves and commits, and the events
/// follow the save. A device about to be lent is locked first (<see cref="RowLocks"/>), so no other caller, in
/// this instance or another, lends it before this one commits.
/// </summary>
public sealed class LendingDesk(DigibankDbContext db, DateTime now, SelfServiceLinks? links = null)
{
    public async Task<Result<Reserved>> ReserveAsync(ReserveDevice command, CancellationToken cancellationToken)
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
            return new LendingNotOfferedError($"{helpPoint.Name} does not lend a {Lending.NameOf(kind)}.");
        }

        if (staff is not null && !staff.CanActFor(helpPoint.Id, helpPoint.RegionId))
        {
            return new NotAllowedError("You can reserve devices for residents only at the help points you work at.");
        }

        db.EnterRegion(helpPoint.RegionId);
        var known = await resident.FindKnownAsync(db, helpPoint.RegionId, cancellationToken);
        if (resident.NotFound(known) is { } gone)
        {
            return gone;
        }

        // As with sign-ups: only staff learn that the person is in the queue already.
        if (staff is not null && known is not null
            && await db.Reservations.WaitingFor(helpPoint.Id, kind).FirstOrDefaultAsync(r => r.ParticipantId == known.Id, cancellationToken) is { } existing)
        {
            return new AlreadyInQueueError(
                $"This person is already waiting for a {Lending.NameOf(kind)} at {helpPoint.Name}.", await PositionAsync(existing, cancellationToken));
        }

        var token = ResidentTokens.New();
        return new Reserved(db.Reservations.Add(new Reservation
        {
            HelpPointId = helpPoint.Id,
            Kind = kind,
            RegionId = helpPoint.RegionId,
            Participant = resident.Store(db, helpPoint.RegionId, known, now, staff),
            Status = ReservationStatus.Waiting,
            CreatedAt = now,
            CancellationTokenHash = ResidentTokens.Hash(token),
        }).Entity, token);
    }

    public async Task<Result<Reservation>> CancelReservationAsync(CancelReservation command, CancellationToken cancellationToken)
    {
        var reservation = await db.Reservations.SingleOrDefaultAsync(r => r.Id == command.ReservationId, cancellationToken);
        if (reservation is null)
        {
            return new NotFoundError("There is no such reservation.");
        }

        var byToken = command.CancellationToken is { Length: > 0 } token
            && (reservation.CancellationTokenHash == ResidentTokens.Hash(token) || links?.Allows(token, SelfServiceAction.CancelReservation, reservation.Id) == true);
        if (!byToken)
        {
            if (command.Staff is null)
            {
                return new InvalidCancellationTokenError("This cancellation token does not belong to this reservation.");
            }

            if (!command.Staff.CanActFor(reservation.HelpPointId, reservation.RegionId))
            {
                return new NotAllowedError("This reservation is for a help point you do not work at.");
            }
        }

        if (LoanTerms.NotActive(reservation) is { } notActive)
        {
            return notActive;
        }

        await ReleaseAsync(reservation, ReservationStatus.Cancelled, cancellationToken);
        return reservation;
    }

    /// <summary>The resident, with the link in their message, lets the help point know they will collect the device set aside.</summary>
    public async Task<Result<Reservation>> ConfirmReservationAsync(int reservationId, CancellationToken cancellationToken)
    {
        var reservation = await db.Reservations.SingleOrDefaultAsync(r => r.Id == reservationId, cancellationToken);
        if (reservation is null)
        {
            return new NotFoundError("There is no such reservation.");
        }

        if (reservation.Status != ReservationStatus.Ready)
        {
            return new ReservationNotWaitingError("No device is set aside for this reservation.", reservation.Status);
        }

        reservation.ConfirmedAt ??= now;
        return reservation;
    }

    /// <summary>Devices set aside and not collected in time go to the next in the queue, or back on the shelf; their reservations EXPIRE. Returns how many.</summary>
    public async Task<int> ExpireUncollectedAsync(int limit, CancellationToken cancellationToken)
    {
        var lapsed = await db.Reservations.Where(r => r.Status == ReservationStatus.Ready && r.ReadyUntil <= now)
            .OrderBy(r => r.ReadyUntil).Take(limit).ToListAsync(cancellationToken);
        foreach (var reservation in lapsed)
        {
            await ReleaseAsync(reservation, ReservationStatus.Expired, cancellationToken);
        }

        return lapsed.Count;
    }

    public async Task<Result<Loan>> LendAsync(LendDevice command, CancellationToken cancellationToken)
    {
        await db.LockAsync<Device>(command.DeviceId, cancellationToken);
        var found = await DeviceOfStaffAsync(command.DeviceId, command.Staff, cancellationToken);
        if (found.Value is not { } device)
        {
            return found.Error!;
        }

        var borrower = await db.Participants.SingleOrDefaultAsync(p => p.Id == command.BorrowerId && p.RegionId == device.RegionId && p.ErasedAt == null, cancellationToken);
        if (borrower is null)
        {
            return new NotFoundError("There is no such participant.");
        }

        var setAside = device.Status == DeviceStatus.Reserved
            ? await db.Reservations.FirstOrDefaultAsync(r => r.DeviceId == device.Id && r.Status == ReservationStatus.Ready, cancellationToken)
            : null;
        if (LoanTerms.NotOnTheShelf(device, borrower, setAside) is { } notAvailable)
        {
            return notAvailable;
        }

        var allowed = await LoanRuleForBorrowerAsync(device, borrower, cancellationToken);
        if (allowed.Value is not { } rule)
        {
            return allowed.Error!;
        }

        if (LoanTerms.DueAt(command.DueAt, now, rule, out var dueAt) is { } wrongDate)
        {
            return wrongDate;
        }

        var queue = await db.Reservations.WaitingFor(device.HomeHelpPointId, device.Kind).ToListAsync(cancellationToken);
        var fulfilled = await ReservationFulfilledAsync(command.ReservationId, device, borrower, setAside, queue, cancellationToken);
        if (fulfilled.Error is { } wrongReservation)
        {
            return wrongReservation;
        }

        var reservation = fulfilled.Value;
        var place = setAside is not null ? 1 : reservation is null ? queue.Count + 1 : queue.FindIndex(r => r.Id == reservation.Id) + 1;
        if (await QueueAheadAsync(device, queue, place, cancellationToken) is { } queueFirst)
        {
            return queueFirst;
        }

        reservation?.Status = ReservationStatus.Fulfilled;
        device.Status = DeviceStatus.OnLoan;
        return db.Loans.Add(new Loan
        {
            DeviceId = device.Id,
            ParticipantId = borrower.Id,
            HelpPointId = device.HomeHelpPointId,
            RegionId = device.RegionId,
            CheckedOutAt = now,
            CheckedOutBy = command.Staff.Subject,
            DueAt = dueAt,
            Accessories = LoanTerms.Listed(command.Accessories),
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
                $"A {Lending.NameOf(rule.Kind)} loan can be renewed {rule.RenewalsAllowed} time(s); this one already was.", rule.RenewalsAllowed);
        }

        var waiting = await db.Reservations.WaitingFor(loan.HelpPointId, rule.Kind).CountAsync(cancellationToken);
        if (waiting > 0)
        {
            return new WaitingListError($"{waiting} waiting for a {Lending.NameOf(rule.Kind)} here, so this loan cannot be renewed.", waiting);
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

        if (LoanTerms.TakeBack(loan, command) is { } unsaid)
        {
            return unsaid;
        }

        loan.ReturnedAt = now;
        loan.ReturnedCondition = command.Condition;
        loan.Device!.Condition = command.Condition;
        loan.Device.Status = DeviceStatus.Maintenance;
        return loan;
    }

    /// <summary>Makes a wiped device AVAILABLE again, unless it is damaged or a step of the checklist given was not done.</summary>
    public async Task<Result<Device>> MarkWipedAsync(MarkDeviceWiped command, CancellationToken cancellationToken)
    {
        var found = await DeviceOfStaffAsync(command.DeviceId, command.Staff, cancellationToken);
        if (found.Value is not { } device)
        {
            return found;
        }

        if (device.Status != DeviceStatus.Maintenance)
        {
            return new DeviceNotInMaintenanceError($"{device.AssetTag} is {LoanTerms.StatusName(device.Status)}, not in maintenance.", device.Status);
        }

        if (LoanTerms.StepsLeft(device, command.StepsDone) is { } notWiped)
        {
            return notWiped;
        }

        var condition = command.Condition ?? device.Condition;
        if (condition == DeviceCondition.Damaged)
        {
            return new DeviceDamagedError($"{device.AssetTag} is damaged: it stays in maintenance until it is repaired.");
        }

        device.Condition = condition;
        await OfferToQueueAsync(device, cancellationToken);
        return device;
    }

    /// <summary>The kind's loan rule, unless the borrower has a device overdue or already holds as many of the kind as it allows.</summary>
    private async Task<Result<LoanRule>> LoanRuleForBorrowerAsync(Device device, Participant borrower, CancellationToken cancellationToken)
    {
        if (await db.Loans.OverdueAt(now).Where(l => l.ParticipantId == borrower.Id).OrderBy(l => l.DueAt).FirstOrDefaultAsync(cancellationToken) is { } overdue)
        {
            return new BorrowerHasOverdueLoanError(
                $"A device lent to this person was due on {RegionTime.ToLocal(overdue.DueAt):d MMMM yyyy}; it has to come back before they borrow another.", overdue.DueAt);
        }

        var rule = await db.LoanRules.SingleAsync(r => r.Kind == device.Kind, cancellationToken);
        var held = await db.Loans.CountAsync(l => l.ParticipantId == borrower.Id && l.ReturnedAt == null && l.Device!.Kind == device.Kind, cancellationToken);
        return held < rule.MaxOpenLoans ? rule : new LoanLimitReachedError(
            $"This person already has {held} {Lending.NameOf(device.Kind)}(s) on loan; one person may borrow {rule.MaxOpenLoans} at a time.", rule.MaxOpenLoans);
    }

    /// <summary>
    /// The reservation the loan fulfils: the one the device is set aside for, the one named, or else the borrower's own place in
    /// the queue; no value and no error when the borrower is not in the queue.
    /// </summary>
    private async Task<Result<Reservation>> ReservationFulfilledAsync(
        int? reservationId, Device device, Participant borrower, Reservation? setAside, List<Reservation> queue, CancellationToken cancellationToken)
    {
        if (setAside is not null)
        {
            return reservationId is { } setAsideFor && setAsideFor != setAside.Id
                ? new InvalidInputError("reservationId", "This device is set aside for another of the borrower's reservations.")
                : setAside;
        }

        if (reservationId is null)
        {
            return new Result<Reservation>(queue.FirstOrDefault(r => r.ParticipantId == borrower.Id), null);
        }

        var reservation = await db.Reservations.SingleOrDefaultAsync(r => r.Id == reservationId, cancellationToken);
        return reservation is null ? new NotFoundError("There is no such reservation.")
            : reservation.ParticipantId != borrower.Id || reservation.HelpPointId != device.HomeHelpPointId || reservation.Kind != device.Kind
                ? new InvalidInputError("reservationId", "This reservation is not the borrower's reservation for this kind of device at this help point.")
            : LoanTerms.NotWaiting(reservation) is { } notWaiting ? notWaiting
            : reservation;
    }

    /// <summary>
    /// Everyone ahead of the borrower keeps a device on the shelf: the first in line may take any available device, the
    /// second needs two, someone not in the queue one more than are waiting.
    /// </summary>
    private async Task<QueueHasPriorityError?> QueueAheadAsync(Device device, List<Reservation> queue, int place, CancellationToken cancellationToken)
    {
        var available = place > 1
            ? await db.Devices.CountAsync(d => d.HomeHelpPointId == device.HomeHelpPointId && d.Kind == device.Kind && d.Status == DeviceStatus.Available, cancellationToken)
            : place;
        return available < place ? new($"{queue.Count} waiting for a {Lending.NameOf(device.Kind)} here; this device goes to the first in the queue.", queue.Count) : null;
    }

    /// <summary>The device a staff member acts on: it exists and belongs to a help point they work at.</summary>
    private async Task<Result<Device>> DeviceOfStaffAsync(int deviceId, StaffUser staff, CancellationToken cancellationToken)
    {
        var device = await db.Devices.SingleOrDefaultAsync(d => d.Id == deviceId, cancellationToken);
        return device is null ? new NotFoundError("There is no such device.")
            : !staff.CanActFor(device.HomeHelpPointId, device.RegionId) ? new NotAllowedError("This device belongs to a help point you do not work at.")
            : device;
    }

    /// <summary>The loan a staff member acts on: it exists, is from a help point they work at, and is not yet returned.</summary>
    private async Task<Result<Loan>> OpenLoanOfStaffAsync(int loanId, StaffUser staff, string notTheirHelpPoint, CancellationToken cancellationToken)
    {
        var loan = await db.Loans.Include(l => l.Device).SingleOrDefaultAsync(l => l.Id == loanId, cancellationToken);
        return loan is null ? new NotFoundError("There is no such loan.")
            : !staff.CanActFor(loan.HelpPointId, loan.RegionId) ? new NotAllowedError(notTheirHelpPoint)
            : loan.ReturnedAt is { } returnedAt ? new LoanAlreadyReturnedError("This device has already been brought back.", returnedAt)
            : loan;
    }

    /// <summary>Ends a reservation; a device set aside for it goes to the next in the queue, or back on the shelf.</summary>
    private async Task ReleaseAsync(Reservation reservation, ReservationStatus status, CancellationToken cancellationToken)
    {
        reservation.Status = status;
        reservation.ReadyUntil = null;
        if (reservation.DeviceId is { } deviceId)
        {
            await db.LockAsync<Device>(deviceId, cancellationToken);
            var device = await db.Devices.SingleAsync(d => d.Id == deviceId, cancellationToken);
            reservation.DeviceId = null;
            await OfferToQueueAsync(device, cancellationToken);
        }
    }

    /// <summary>
    /// A device free to lend is set aside for the first in the queue for its kind, who is told (the READY event)
    /// and has the kind's days to collect it; with nobody waiting it goes back on the shelf.
    /// </summary>
    private async Task OfferToQueueAsync(Device device, CancellationToken cancellationToken)
    {
        var first = await db.Reservations.WaitingFor(device.HomeHelpPointId, device.Kind).FirstOrDefaultAsync(cancellationToken);
        if (first is null)
        {
            device.Status = DeviceStatus.Available;
            return;
        }

        var rule = await db.LoanRules.SingleAsync(r => r.Kind == device.Kind, cancellationToken);
        device.Status = DeviceStatus.Reserved;
        first.Status = ReservationStatus.Ready;
        first.DeviceId = device.Id;
        first.ReadyUntil = await CollectByAsync(device.HomeHelpPointId, now.AddDays(rule.CollectWithinDays), cancellationToken);
    }

    /// <summary>
    /// The end of the day a device set aside must be collected by: the kind's days from now, or, when the help point is
    /// closed that day (a Sunday, a holiday, a closure), the next day it is open.
    /// </summary>
    private async Task<DateTime> CollectByAsync(int helpPointId, DateTime earliest, CancellationToken cancellationToken)
    {
        var hours = await db.OpeningHours.Where(o => o.HelpPointId == helpPointId).ToListAsync(cancellationToken);
        var closures = (await db.Closures.Where(c => c.HelpPointId == helpPointId && c.EndsAt > now).ToListAsync(cancellationToken)).Select(ClosedPeriod.Of).ToList();
        var open = OpeningCalendar.NextOpenAt(hours, closures, RegionTime.ToLocal(RegionTime.StartOfLocalDay(earliest)));
        return RegionTime.EndOfLocalDay(open is { } local ? RegionTime.ToUtc(local) : earliest);
    }

    private async Task<int> PositionAsync(Reservation reservation, CancellationToken cancellationToken) =>
        await db.Reservations.WaitingFor(reservation.HelpPointId, reservation.Kind).CountAsync(r => r.Id < reservation.Id, cancellationToken) + 1;
}
