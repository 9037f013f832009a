using Digibank.Api.GraphQL.Mutations;
using Digibank.Api.HelpPoints;
using Digibank.Api.Participants;
using Digibank.Api.Staff;
using GraphQL.Types;

namespace Digibank.Api.Devices;

public static class LendingMutations
{
    public static void AddLendingMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<ReserveDeviceInput, ReserveDevicePayload>("reserveDevice", ReserveDeviceAsync,
            "Puts a resident in the queue for a kind of device at a help point. Anonymous callers give one contact channel; " +
            "staff may reserve for someone without one (assisted reservation).",
            payload: "The reservation and its place in the queue.",
            typeof(LendingNotOfferedError), typeof(AlreadyInQueueError), typeof(ConsentRequiredError));
        mutation.Mutation<CancelReservationInput, Reservation>("cancelReservation", CancelReservationAsync,
            "Takes a reservation out of the queue, by the resident with the token they received or by staff of the help point. " +
            "A device set aside for it goes to the next in the queue.",
            payload: "The cancelled reservation; everyone behind it moved up one place.",
            typeof(InvalidCancellationTokenError), typeof(ReservationNotWaitingError));
        mutation.StaffMutation<LendDeviceInput, Loan>("lendDevice", LendDeviceAsync,
            "Staff of the device's help point hand an available device to a borrower, with its accessories. People in the queue for that kind come first.",
            payload: "The new loan.",
            typeof(DeviceNotAvailableError), typeof(BorrowerHasOverdueLoanError), typeof(LoanLimitReachedError), typeof(QueueHasPriorityError),
            typeof(ReservationNotWaitingError));
        mutation.StaffMutation<RenewLoanInput, Loan>("renewLoan", RenewLoanAsync,
            "Extends a loan by one loan period, unless the renewals are used up or someone is waiting for that kind of device.",
            payload: "The loan with its new due date.",
            typeof(RenewalLimitReachedError), typeof(WaitingListError), typeof(LoanAlreadyReturnedError));
        mutation.StaffMutation<ReturnDeviceInput, Loan>("returnDevice", ReturnDeviceAsync,
            "Takes a device back. It goes into MAINTENANCE: it must be wiped before it is lent again.",
            payload: "The closed loan; its device is now in MAINTENANCE until it is wiped.",
            typeof(LoanAlreadyReturnedError));
        mutation.StaffMutation<MarkDeviceWipedInput, Device>("markDeviceWiped", MarkDeviceWipedAsync,
            "Records that a returned device was wiped and checked, so it can be lent again: it is set aside (RESERVED) for the first " +
            "in the queue for its kind, who is told to collect it, or AVAILABLE when nobody waits. A DAMAGED device stays in MAINTENANCE.",
            payload: "The device, RESERVED for the first in the queue or AVAILABLE.",
            typeof(DeviceNotInMaintenanceError), typeof(DeviceDamagedError), typeof(WipeChecklistIncompleteError));
    }

    private static async Task<Result<ReserveDevicePayload>> ReserveDeviceAsync(MutationCall<ReserveDeviceInput> call)
    {
        var (input, now, cancellationToken) = call;
        var helpPointId = call.Rules.Id(nameof(input.HelpPointId), HelpPointType.TypeName, input.HelpPointId);
        var resident = ResidentDetails.Check(call.Rules, call.Staff, input, "for this loan", "the help point can tell you when your device is ready");
        var desk = new LendingDesk(await call.BeginAsync(), now);
        return (await desk.ReserveAsync(new ReserveDevice(helpPointId, input.Kind, resident, call.Staff), cancellationToken))
            .Map(done => new ReserveDevicePayload(done.Reservation, done.CancellationToken));
    }

    private static async Task<Result<Reservation>> CancelReservationAsync(MutationCall<CancelReservationInput> call)
    {
        var (input, now, cancellationToken) = call;
        var reservationId = call.Rules.Id(nameof(input.ReservationId), ReservationType.TypeName, input.ReservationId);
        call.Rules.Require(call.Staff is not null || !string.IsNullOrWhiteSpace(input.CancellationToken), nameof(input.CancellationToken),
            "Give the cancellation token you received when you reserved, or the one in the link of your message.");
        var desk = new LendingDesk(await call.BeginAsync(), now, call.Service<SelfServiceLinks>());
        return await desk.CancelReservationAsync(new CancelReservation(reservationId, call.Staff, input.CancellationToken), cancellationToken);
    }

    private static async Task<Result<Loan>> LendDeviceAsync(MutationCall<LendDeviceInput> call, StaffUser staff)
    {
        var (input, now, cancellationToken) = call;
        var deviceId = call.Rules.Id(nameof(input.DeviceId), DeviceType.TypeName, input.DeviceId);
        var participantId = call.Rules.Id(nameof(input.ParticipantId), ParticipantType.TypeName, input.ParticipantId);
        var reservationId = input.ReservationId is null ? (int?)null : call.Rules.Id(nameof(input.ReservationId), ReservationType.TypeName, input.ReservationId);
        var desk = new LendingDesk(await call.BeginAsync(), now);
        return await desk.LendAsync(new LendDevice(deviceId, participantId, reservationId, staff, input.Accessories, input.DueAt), cancellationToken);
    }

    private static async Task<Result<Loan>> RenewLoanAsync(MutationCall<RenewLoanInput> call, StaffUser staff)
    {
        var (input, now, cancellationToken) = call;
        var loanId = call.Rules.Id(nameof(input.LoanId), LoanType.TypeName, input.LoanId);
        var desk = new LendingDesk(await call.BeginAsync(), now);
        return await desk.RenewAsync(new RenewLoan(loanId, staff), cancellationToken);
    }

    private static async Task<Result<Loan>> ReturnDeviceAsync(MutationCall<ReturnDeviceInput> call, StaffUser staff)
    {
        var (input, now, cancellationToken) = call;
        var loanId = call.Rules.Id(nameof(input.LoanId), LoanType.TypeName, input.LoanId);
        var desk = new LendingDesk(await call.BeginAsync(), now);
        return await desk.ReturnAsync(new ReturnDevice(loanId, input.Condition, input.AccessoriesComplete, staff, input.AccessoriesReturned), cancellationToken);
    }

    private static async Task<Result<Device>> MarkDeviceWipedAsync(MutationCall<MarkDeviceWipedInput> call, StaffUser staff)
    {
        var (input, now, cancellationToken) = call;
        var deviceId = call.Rules.Id(nameof(input.DeviceId), DeviceType.TypeName, input.DeviceId);
        var desk = new LendingDesk(await call.BeginAsync(), now);
        return await desk.MarkWipedAsync(new MarkDeviceWiped(deviceId, input.Condition, staff, input.StepsDone), cancellationToken);
    }
}
