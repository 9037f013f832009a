using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.GraphQL;
using Digibank.Api.GraphQL.Mutations;
using Digibank.Api.HelpPoints;
using Digibank.Api.Municipalities;
using Digibank.Api.Participants;
using Digibank.Api.Staff;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Devices;

public static class LendingMutations
{
    public static void AddLendingMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<ReserveDeviceInput, Reservation>("reserveDevice", ReserveDeviceAsync,
            "Puts a resident in the queue for a kind of device at a help point. Anonymous callers give one contact channel; " +
            "staff may reserve for someone without one (assisted reservation).",
            payload: "The reservation and its place in the queue.",
            typeof(LendingNotOfferedError), typeof(AlreadyInQueueError), typeof(ConsentRequiredError));
        mutation.StaffMutation<CancelReservationInput, Reservation>("cancelReservation", CancelReservationAsync,
            "Staff of the help point take a reservation out of the queue.",
            payload: "The cancelled reservation; everyone behind it moved up one place.",
            typeof(ReservationNotWaitingError));
        mutation.StaffMutation<LendDeviceInput, Loan>("lendDevice", LendDeviceAsync,
            "Staff of the device's help point hand an available device to a borrower. People in the queue for that kind come first.",
            payload: "The new loan.",
            typeof(DeviceNotAvailableError), typeof(BorrowerHasOverdueLoanError), typeof(QueueHasPriorityError), typeof(ReservationNotWaitingError));
        mutation.StaffMutation<RenewLoanInput, Loan>("renewLoan", RenewLoanAsync,
            "Extends a loan by one loan period, unless the renewals are used up or someone is waiting for that kind of device.",
            payload: "The loan with its new due date.",
            typeof(RenewalLimitReachedError), typeof(WaitingListError), typeof(LoanAlreadyReturnedError));
        mutation.StaffMutation<ReturnDeviceInput, Loan>("returnDevice", ReturnDeviceAsync,
            "Takes a device back. It goes into MAINTENANCE: it must be wiped before it is lent again.",
            payload: "The closed loan; its device is now in MAINTENANCE until it is wiped.",
            typeof(LoanAlreadyReturnedError));
        mutation.StaffMutation<MarkDeviceWipedInput, Device>("markDeviceWiped", MarkDeviceWipedAsync,
            "Records that a returned device was wiped and checked, so it can be lent again. A DAMAGED device stays in MAINTENANCE.",
            payload: "The device, AVAILABLE again.",
            typeof(DeviceNotInMaintenanceError), typeof(DeviceDamagedError));
    }

    private static async Task<Result<Reservation>> ReserveDeviceAsync(MutationCall<ReserveDeviceInput> call)
    {
        var staff = call.Staff;
        var (input, now, cancellationToken) = call;
        var helpPointId = call.Rules.Id(nameof(input.HelpPointId), HelpPointType.TypeName, input.HelpPointId);
        var resident = ResidentDetails.Check(call.Rules, staff, input, "for this loan", "the help point can tell you when your device is ready");

        var db = await call.BeginAsync();
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
            && await db.Devices.AnyAsync(d => d.HomeHelpPointId == helpPoint.Id && d.Kind == input.Kind && d.Status != DeviceStatus.Retired, cancellationToken);
        if (!lendsThisKind)
        {
            return new LendingNotOfferedError($"{helpPoint.Name} does not lend a {KindName(input.Kind)}.");
        }

        if (staff is not null && !staff.CanServeResidentsAt(helpPoint.Id))
        {
            return new NotAllowedError("You can reserve devices for residents only at the help points you work at.");
        }

        var known = await resident.FindKnownAsync(db, cancellationToken);
        // As with sign-ups: only staff learn that the person is in the queue already.
        if (staff is not null && known is not null
            && await db.Reservations.WaitingFor(helpPoint.Id, input.Kind).FirstOrDefaultAsync(r => r.ParticipantId == known.Id, cancellationToken) is { } existing)
        {
            return new AlreadyInQueueError(
                $"This person is already waiting for a {KindName(input.Kind)} at {helpPoint.Name}.", await PositionAsync(db, existing, cancellationToken));
        }

        var participant = resident.Store(db, known, now, staff);

        var reservation = db.Reservations.Add(new Reservation
        {
            HelpPointId = helpPoint.Id,
            Kind = input.Kind,
            Participant = participant,
            Status = ReservationStatus.Waiting,
            CreatedAt = now,
        }).Entity;
        return reservation;
    }

    private static async Task<Result<Reservation>> CancelReservationAsync(MutationCall<CancelReservationInput> call, StaffUser staff)
    {
        var (input, _, cancellationToken) = call;
        var reservationId = call.Rules.Id(nameof(input.ReservationId), ReservationType.TypeName, input.ReservationId);
        var db = await call.BeginAsync();
        var reservation = await db.Reservations.SingleOrDefaultAsync(r => r.Id == reservationId, cancellationToken);
        if (reservation is null)
        {
            return new NotFoundError("There is no such reservation.");
        }

        if (!staff.CanActFor(reservation.HelpPointId))
        {
            return new NotAllowedError("This reservation is for a help point you do not work at.");
        }

        if (reservation.Status != ReservationStatus.Waiting)
        {
            return new ReservationNotWaitingError("This reservation is no longer in the queue.", reservation.Status);
        }

        reservation.Status = ReservationStatus.Cancelled;
        return reservation;
    }

    private static async Task<Result<Loan>> LendDeviceAsync(MutationCall<LendDeviceInput> call, StaffUser staff)
    {
        var (input, now, cancellationToken) = call;
        var deviceId = call.Rules.Id(nameof(input.DeviceId), DeviceType.TypeName, input.DeviceId);
        var participantId = call.Rules.Id(nameof(input.ParticipantId), ParticipantType.TypeName, input.ParticipantId);
        var reservationId = input.ReservationId is null ? (int?)null : call.Rules.Id(nameof(input.ReservationId), ReservationType.TypeName, input.ReservationId);
        var db = await call.BeginAsync();
        // Read inside the IMMEDIATE transaction: a concurrent lend of the same device has either
        // committed (and we see ON_LOAN here) or waits until we are done.
        var device = await db.Devices.SingleOrDefaultAsync(d => d.Id == deviceId, cancellationToken);
        if (device is null)
        {
            return new NotFoundError("There is no such device.");
        }

        if (!staff.CanActFor(device.HomeHelpPointId))
        {
            return new NotAllowedError("This device belongs to a help point you do not work at.");
        }

        var borrower = await db.Participants.SingleOrDefaultAsync(p => p.Id == participantId && p.ErasedAt == null, cancellationToken);
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
        if (reservationId is { } givenId)
        {
            reservation = await db.Reservations.SingleOrDefaultAsync(r => r.Id == givenId, cancellationToken);
            if (reservation is null)
            {
                return new NotFoundError("There is no such reservation.");
            }

            if (reservation.ParticipantId != borrower.Id || reservation.HelpPointId != device.HomeHelpPointId || reservation.Kind != device.Kind)
            {
                return new InvalidInputError("reservationId", "This reservation is not the borrower's reservation for this kind of device at this help point.");
            }

            if (reservation.Status != ReservationStatus.Waiting)
            {
                return new ReservationNotWaitingError("This reservation is no longer in the queue.", reservation.Status);
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
        var loan = db.Loans.Add(new Loan
        {
            DeviceId = device.Id,
            ParticipantId = borrower.Id,
            HelpPointId = device.HomeHelpPointId,
            CheckedOutAt = now,
            CheckedOutBy = staff.Subject,
            DueAt = now.AddDays(rule.LoanPeriodDays),
        }).Entity;
        return loan;
    }

    /// <summary>The loan a staff member acts on: it exists, is from a help point they work at, and is not yet returned.</summary>
    private static async Task<Result<Loan>> OpenLoanAsync(DigibankDbContext db, int loanId, StaffUser staff, string notTheirHelpPoint, CancellationToken cancellationToken)
    {
        var loan = await db.Loans.Include(l => l.Device).SingleOrDefaultAsync(l => l.Id == loanId, cancellationToken);
        if (loan is null)
        {
            return new NotFoundError("There is no such loan.");
        }

        if (!staff.CanActFor(loan.HelpPointId))
        {
            return new NotAllowedError(notTheirHelpPoint);
        }

        if (loan.ReturnedAt is { } returnedAt)
        {
            return new LoanAlreadyReturnedError("This device has already been brought back.", returnedAt);
        }

        return loan;
    }

    private static async Task<Result<Loan>> RenewLoanAsync(MutationCall<RenewLoanInput> call, StaffUser staff)
    {
        var (input, _, cancellationToken) = call;
        var loanId = call.Rules.Id(nameof(input.LoanId), LoanType.TypeName, input.LoanId);
        var db = await call.BeginAsync();
        var open = await OpenLoanAsync(db, loanId, staff, "This loan is from a help point you do not work at.", cancellationToken);
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

    private static async Task<Result<Loan>> ReturnDeviceAsync(MutationCall<ReturnDeviceInput> call, StaffUser staff)
    {
        var (input, now, cancellationToken) = call;
        var loanId = call.Rules.Id(nameof(input.LoanId), LoanType.TypeName, input.LoanId);
        var db = await call.BeginAsync();
        var open = await OpenLoanAsync(db, loanId, staff, "This loan is from a help point you do not work at; bring the device back there.", cancellationToken);
        if (open.Value is not { } loan)
        {
            return open;
        }

        loan.ReturnedAt = now;
        loan.ReturnedCondition = input.Condition;
        loan.AccessoriesComplete = input.AccessoriesComplete;
        loan.Device!.Condition = input.Condition;
        loan.Device.Status = DeviceStatus.Maintenance;
        return loan;
    }

    private static async Task<Result<Device>> MarkDeviceWipedAsync(MutationCall<MarkDeviceWipedInput> call, StaffUser staff)
    {
        var (input, _, cancellationToken) = call;
        var deviceId = call.Rules.Id(nameof(input.DeviceId), DeviceType.TypeName, input.DeviceId);
        var db = await call.BeginAsync();
        var device = await db.Devices.SingleOrDefaultAsync(d => d.Id == deviceId, cancellationToken);
        if (device is null)
        {
            return new NotFoundError("There is no such device.");
        }

        if (!staff.CanActFor(device.HomeHelpPointId))
        {
            return new NotAllowedError("This device belongs to a help point you do not work at.");
        }

        if (device.Status != DeviceStatus.Maintenance)
        {
            return new DeviceNotInMaintenanceError($"{device.AssetTag} is {StatusName(device.Status)}, not in maintenance.", device.Status);
        }

        var condition = input.Condition ?? device.Condition;
        if (condition == DeviceCondition.Damaged)
        {
            return new DeviceDamagedError($"{device.AssetTag} is damaged: it stays in maintenance until it is repaired.");
        }

        device.Condition = condition;
        device.Status = DeviceStatus.Available;
        return device;
    }

    private static async Task<int> PositionAsync(DigibankDbContext db, Reservation reservation, CancellationToken cancellationToken) =>
        await db.Reservations.WaitingFor(reservation.HelpPointId, reservation.Kind).CountAsync(r => r.Id < reservation.Id, cancellationToken) + 1;


    private static string KindName(DeviceKind kind) => kind.ToString().ToLowerInvariant();

    private static string StatusName(DeviceStatus status) => status switch
    {
        DeviceStatus.OnLoan => "on loan",
        DeviceStatus.Maintenance => "in maintenance, waiting to be wiped",
        _ => status.ToString().ToLowerInvariant(),
    };
}
