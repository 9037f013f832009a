using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.GraphQL;
using Digibank.Api.GraphQL.Mutations;
using Digibank.Api.HelpPoints;
using Digibank.Api.Municipalities;
using Digibank.Api.Participants;
using Digibank.Api.Staff;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Devices;

public static class LendingMutations
{
    public static void AddLendingMutations(this ObjectGraphType mutation)
    {
        mutation.MutationField<ReserveDeviceInputType, ReserveDeviceInput, ReserveDevicePayloadType, ReserveDevicePayload>(
            "reserveDevice",
            "Puts a resident in the queue for a kind of device at a help point. Anonymous callers give one contact channel; " +
            "staff may reserve for someone without one (assisted reservation).",
            ReserveDeviceAsync);
        mutation.MutationField<CancelReservationInputType, CancelReservationInput, CancelReservationPayloadType, CancelReservationPayload>(
            "cancelReservation",
            "Staff of the help point take a reservation out of the queue.",
            CancelReservationAsync);
        mutation.MutationField<LendDeviceInputType, LendDeviceInput, LendDevicePayloadType, LendDevicePayload>(
            "lendDevice",
            "Staff of the device's help point hand an available device to a borrower. People in the queue for that kind come first.",
            LendDeviceAsync);
        mutation.MutationField<RenewLoanInputType, RenewLoanInput, RenewLoanPayloadType, RenewLoanPayload>(
            "renewLoan",
            "Extends a loan by one loan period, unless the renewals are used up or someone is waiting for that kind of device.",
            RenewLoanAsync);
        mutation.MutationField<ReturnDeviceInputType, ReturnDeviceInput, ReturnDevicePayloadType, ReturnDevicePayload>(
            "returnDevice",
            "Takes a device back. It goes into MAINTENANCE: it must be wiped before it is lent again.",
            ReturnDeviceAsync);
        mutation.MutationField<MarkDeviceWipedInputType, MarkDeviceWipedInput, MarkDeviceWipedPayloadType, MarkDeviceWipedPayload>(
            "markDeviceWiped",
            "Records that a returned device was wiped and checked, so it can be lent again. A DAMAGED device stays in MAINTENANCE.",
            MarkDeviceWipedAsync);
    }

    private static Task<ReserveDevicePayload> ReserveDeviceAsync(IResolveFieldContext context, ReserveDeviceInput input)
    {
        var staff = context.Staff();
        var now = context.UtcNow();
        var rules = new InputRules();
        var helpPointId = rules.Id(nameof(input.HelpPointId), HelpPointType.TypeName, input.HelpPointId);
        var resident = ResidentDetails.Check(rules, staff, input, "for this loan", "the help point can tell you when your device is ready");

        if (rules.Failed)
        {
            return Task.FromResult(new ReserveDevicePayload(null, rules.Errors));
        }

        return MutationTransaction.RunAsync(context, async (db, cancellationToken) =>
        {
            var helpPoint = await db.HelpPoints.SingleOrDefaultAsync(h => h.Id == helpPointId, cancellationToken);
            if (helpPoint is null)
            {
                return ReserveDevicePayload.Failed(new NotFoundError("There is no such help point."));
            }

            if (!await db.Municipalities.AnyAsync(m => m.Id == resident.MunicipalityId, cancellationToken))
            {
                return ReserveDevicePayload.Failed(new NotFoundError("There is no such town in the region."));
            }

            var lendsThisKind = helpPoint.Services.Contains(HelpPointService.DeviceLending)
                && await db.Devices.AnyAsync(d => d.HomeHelpPointId == helpPoint.Id && d.Kind == input.Kind && d.Status != DeviceStatus.Retired, cancellationToken);
            if (!lendsThisKind)
            {
                return ReserveDevicePayload.Failed(new LendingNotOfferedError($"{helpPoint.Name} does not lend a {KindName(input.Kind)}."));
            }

            if (staff is not null && !staff.CanServeResidentsAt(helpPoint.Id))
            {
                return ReserveDevicePayload.Failed(new NotAllowedError("You can reserve devices for residents only at the help points you work at."));
            }

            var known = await resident.FindKnownAsync(db, cancellationToken);
            // As with sign-ups: only staff learn that the person is in the queue already.
            if (staff is not null && known is not null
                && await db.Reservations.WaitingFor(helpPoint.Id, input.Kind).FirstOrDefaultAsync(r => r.ParticipantId == known.Id, cancellationToken) is { } existing)
            {
                return ReserveDevicePayload.Failed(new AlreadyInQueueError(
                    $"This person is already waiting for a {KindName(input.Kind)} at {helpPoint.Name}.", await PositionAsync(db, existing, cancellationToken)));
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
            return new ReserveDevicePayload(reservation, []);
        });
    }

    private static Task<CancelReservationPayload> CancelReservationAsync(IResolveFieldContext context, CancelReservationInput input)
    {
        var staff = context.RequireStaff();
        var rules = new InputRules();
        var reservationId = rules.Id(nameof(input.ReservationId), ReservationType.TypeName, input.ReservationId);
        if (rules.Failed)
        {
            return Task.FromResult(new CancelReservationPayload(null, rules.Errors));
        }

        return MutationTransaction.RunAsync(context, async (db, cancellationToken) =>
        {
            var reservation = await db.Reservations.SingleOrDefaultAsync(r => r.Id == reservationId, cancellationToken);
            if (reservation is null)
            {
                return CancelReservationPayload.Failed(new NotFoundError("There is no such reservation."));
            }

            if (!staff.CanActFor(reservation.HelpPointId))
            {
                return CancelReservationPayload.Failed(new NotAllowedError("This reservation is for a help point you do not work at."));
            }

            if (reservation.Status != ReservationStatus.Waiting)
            {
                return CancelReservationPayload.Failed(new ReservationNotWaitingError("This reservation is no longer in the queue.", reservation.Status));
            }

            reservation.Status = ReservationStatus.Cancelled;
            return new CancelReservationPayload(reservation, []);
        });
    }

    private static Task<LendDevicePayload> LendDeviceAsync(IResolveFieldContext context, LendDeviceInput input)
    {
        var staff = context.RequireStaff();
        var now = context.UtcNow();
        var rules = new InputRules();
        var deviceId = rules.Id(nameof(input.DeviceId), DeviceType.TypeName, input.DeviceId);
        var participantId = rules.Id(nameof(input.ParticipantId), ParticipantType.TypeName, input.ParticipantId);
        var reservationId = input.ReservationId is null ? (int?)null : rules.Id(nameof(input.ReservationId), ReservationType.TypeName, input.ReservationId);
        if (rules.Failed)
        {
            return Task.FromResult(new LendDevicePayload(null, rules.Errors));
        }

        return MutationTransaction.RunAsync(context, async (db, cancellationToken) =>
        {
            // Read inside the IMMEDIATE transaction: a concurrent lend of the same device has either
            // committed (and we see ON_LOAN here) or waits until we are done.
            var device = await db.Devices.SingleOrDefaultAsync(d => d.Id == deviceId, cancellationToken);
            if (device is null)
            {
                return LendDevicePayload.Failed(new NotFoundError("There is no such device."));
            }

            if (!staff.CanActFor(device.HomeHelpPointId))
            {
                return LendDevicePayload.Failed(new NotAllowedError("This device belongs to a help point you do not work at."));
            }

            var borrower = await db.Participants.SingleOrDefaultAsync(p => p.Id == participantId && p.ErasedAt == null, cancellationToken);
            if (borrower is null)
            {
                return LendDevicePayload.Failed(new NotFoundError("There is no such participant."));
            }

            if (device.Status != DeviceStatus.Available)
            {
                return LendDevicePayload.Failed(new DeviceNotAvailableError($"{device.AssetTag} cannot be lent: it is {StatusName(device.Status)}.", device.Status));
            }

            if (await db.Loans.OverdueAt(now).Where(l => l.ParticipantId == borrower.Id).OrderBy(l => l.DueAt).FirstOrDefaultAsync(cancellationToken) is { } overdue)
            {
                return LendDevicePayload.Failed(new BorrowerHasOverdueLoanError(
                    $"A device lent to this person was due on {Region.ToLocal(overdue.DueAt):d MMMM yyyy}; it has to come back before they borrow another.", overdue.DueAt));
            }

            var queue = await db.Reservations.WaitingFor(device.HomeHelpPointId, device.Kind).ToListAsync(cancellationToken);
            var reservation = queue.FirstOrDefault(r => r.ParticipantId == borrower.Id);
            if (reservationId is { } givenId)
            {
                reservation = await db.Reservations.SingleOrDefaultAsync(r => r.Id == givenId, cancellationToken);
                if (reservation is null)
                {
                    return LendDevicePayload.Failed(new NotFoundError("There is no such reservation."));
                }

                if (reservation.ParticipantId != borrower.Id || reservation.HelpPointId != device.HomeHelpPointId || reservation.Kind != device.Kind)
                {
                    return LendDevicePayload.Failed(new InvalidInputError("reservationId", "This reservation is not the borrower's reservation for this kind of device at this help point."));
                }

                if (reservation.Status != ReservationStatus.Waiting)
                {
                    return LendDevicePayload.Failed(new ReservationNotWaitingError("This reservation is no longer in the queue.", reservation.Status));
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
                    return LendDevicePayload.Failed(new QueueHasPriorityError(
                        $"{queue.Count} waiting for a {KindName(device.Kind)} here; this device goes to the first in the queue.", queue.Count));
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
            return new LendDevicePayload(loan, []);
        });
    }

    private static Task<RenewLoanPayload> RenewLoanAsync(IResolveFieldContext context, RenewLoanInput input)
    {
        var staff = context.RequireStaff();
        var rules = new InputRules();
        var loanId = rules.Id(nameof(input.LoanId), LoanType.TypeName, input.LoanId);
        if (rules.Failed)
        {
            return Task.FromResult(new RenewLoanPayload(null, rules.Errors));
        }

        return MutationTransaction.RunAsync(context, async (db, cancellationToken) =>
        {
            var loan = await db.Loans.Include(l => l.Device).SingleOrDefaultAsync(l => l.Id == loanId, cancellationToken);
            if (loan is null)
            {
                return RenewLoanPayload.Failed(new NotFoundError("There is no such loan."));
            }

            if (!staff.CanActFor(loan.HelpPointId))
            {
                return RenewLoanPayload.Failed(new NotAllowedError("This loan is from a help point you do not work at."));
            }

            if (loan.ReturnedAt is { } returnedAt)
            {
                return RenewLoanPayload.Failed(new LoanAlreadyReturnedError("This device has already been brought back.", returnedAt));
            }

            var rule = await db.LoanRules.SingleAsync(r => r.Kind == loan.Device!.Kind, cancellationToken);
            if (loan.Renewals >= rule.RenewalsAllowed)
            {
                return RenewLoanPayload.Failed(new RenewalLimitReachedError(
                    $"A {KindName(rule.Kind)} loan can be renewed {rule.RenewalsAllowed} time(s); this one already was.", rule.RenewalsAllowed));
            }

            var waiting = await db.Reservations.WaitingFor(loan.HelpPointId, rule.Kind).CountAsync(cancellationToken);
            if (waiting > 0)
            {
                return RenewLoanPayload.Failed(new WaitingListError($"{waiting} waiting for a {KindName(rule.Kind)} here, so this loan cannot be renewed.", waiting));
            }

            loan.DueAt = loan.DueAt.AddDays(rule.LoanPeriodDays);
            loan.Renewals++;
            return new RenewLoanPayload(loan, []);
        });
    }

    private static Task<ReturnDevicePayload> ReturnDeviceAsync(IResolveFieldContext context, ReturnDeviceInput input)
    {
        var staff = context.RequireStaff();
        var now = context.UtcNow();
        var rules = new InputRules();
        var loanId = rules.Id(nameof(input.LoanId), LoanType.TypeName, input.LoanId);
        if (rules.Failed)
        {
            return Task.FromResult(new ReturnDevicePayload(null, rules.Errors));
        }

        return MutationTransaction.RunAsync(context, async (db, cancellationToken) =>
        {
            var loan = await db.Loans.Include(l => l.Device).SingleOrDefaultAsync(l => l.Id == loanId, cancellationToken);
            if (loan is null)
            {
                return ReturnDevicePayload.Failed(new NotFoundError("There is no such loan."));
            }

            if (!staff.CanActFor(loan.HelpPointId))
            {
                return ReturnDevicePayload.Failed(new NotAllowedError("This loan is from a help point you do not work at; bring the device back there."));
            }

            if (loan.ReturnedAt is { } returnedAt)
            {
                return ReturnDevicePayload.Failed(new LoanAlreadyReturnedError("This device has already been brought back.", returnedAt));
            }

            loan.ReturnedAt = now;
            loan.ReturnedCondition = input.Condition;
            loan.AccessoriesComplete = input.AccessoriesComplete;
            loan.Device!.Condition = input.Condition;
            loan.Device.Status = DeviceStatus.Maintenance;
            return new ReturnDevicePayload(loan, []);
        });
    }

    private static Task<MarkDeviceWipedPayload> MarkDeviceWipedAsync(IResolveFieldContext context, MarkDeviceWipedInput input)
    {
        var staff = context.RequireStaff();
        var rules = new InputRules();
        var deviceId = rules.Id(nameof(input.DeviceId), DeviceType.TypeName, input.DeviceId);
        if (rules.Failed)
        {
            return Task.FromResult(new MarkDeviceWipedPayload(null, rules.Errors));
        }

        return MutationTransaction.RunAsync(context, async (db, cancellationToken) =>
        {
            var device = await db.Devices.SingleOrDefaultAsync(d => d.Id == deviceId, cancellationToken);
            if (device is null)
            {
                return MarkDeviceWipedPayload.Failed(new NotFoundError("There is no such device."));
            }

            if (!staff.CanActFor(device.HomeHelpPointId))
            {
                return MarkDeviceWipedPayload.Failed(new NotAllowedError("This device belongs to a help point you do not work at."));
            }

            if (device.Status != DeviceStatus.Maintenance)
            {
                return MarkDeviceWipedPayload.Failed(new DeviceNotInMaintenanceError($"{device.AssetTag} is {StatusName(device.Status)}, not in maintenance.", device.Status));
            }

            var condition = input.Condition ?? device.Condition;
            if (condition == DeviceCondition.Damaged)
            {
                return MarkDeviceWipedPayload.Failed(new DeviceDamagedError($"{device.AssetTag} is damaged: it stays in maintenance until it is repaired."));
            }

            device.Condition = condition;
            device.Status = DeviceStatus.Available;
            return new MarkDeviceWipedPayload(device, []);
        });
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
