using Digibank.Api.GraphQL.Mutations;
using GraphQL.Types;

namespace Digibank.Api.Devices;

public sealed record LendingNotOfferedError(string Message) : UserError(Message)
{
    public override string Code => "LENDING_NOT_OFFERED";
}

public sealed record AlreadyInQueueError(string Message, int Position) : UserError(Message)
{
    public override string Code => "ALREADY_IN_QUEUE";
}

public sealed record ReservationNotWaitingError(string Message, ReservationStatus Status) : UserError(Message)
{
    public override string Code => "RESERVATION_NOT_WAITING";
}

public sealed record DeviceNotAvailableError(string Message, DeviceStatus Status) : UserError(Message)
{
    public override string Code => "DEVICE_NOT_AVAILABLE";
}

public sealed record BorrowerHasOverdueLoanError(string Message, DateTime DueAt) : UserError(Message)
{
    public override string Code => "BORROWER_HAS_OVERDUE_LOAN";
}

public sealed record QueueHasPriorityError(string Message, int Waiting) : UserError(Message)
{
    public override string Code => "QUEUE_HAS_PRIORITY";
}

public sealed record RenewalLimitReachedError(string Message, int RenewalsAllowed) : UserError(Message)
{
    public override string Code => "RENEWAL_LIMIT_REACHED";
}

public sealed record WaitingListError(string Message, int Waiting) : UserError(Message)
{
    public override string Code => "WAITING_LIST";
}

public sealed record LoanAlreadyReturnedError(string Message, DateTime ReturnedAt) : UserError(Message)
{
    public override string Code => "LOAN_ALREADY_RETURNED";
}

public sealed record DeviceNotInMaintenanceError(string Message, DeviceStatus Status) : UserError(Message)
{
    public override string Code => "DEVICE_NOT_IN_MAINTENANCE";
}

public sealed record DeviceDamagedError(string Message) : UserError(Message)
{
    public override string Code => "DEVICE_DAMAGED";
}

public sealed class LendingNotOfferedErrorType : UserErrorType<LendingNotOfferedError>
{
    public LendingNotOfferedErrorType() => Description = "The help point does not lend this kind of device.";
}

public sealed class AlreadyInQueueErrorType : UserErrorType<AlreadyInQueueError>
{
    public AlreadyInQueueErrorType()
    {
        Description = "This person is already waiting for this kind of device at this help point.";
        Field(e => e.Position).Description("Their place in the queue, 1 first.");
    }
}

public sealed class ReservationNotWaitingErrorType : UserErrorType<ReservationNotWaitingError>
{
    public ReservationNotWaitingErrorType()
    {
        Description = "The reservation is no longer in the queue: fulfilled or cancelled.";
        Field(e => e.Status, type: typeof(NonNullGraphType<EnumerationGraphType<ReservationStatus>>));
    }
}

public sealed class DeviceNotAvailableErrorType : UserErrorType<DeviceNotAvailableError>
{
    public DeviceNotAvailableErrorType()
    {
        Description = "The device is lent out, waiting to be wiped, or retired.";
        Field(e => e.Status, type: typeof(NonNullGraphType<EnumerationGraphType<DeviceStatus>>));
    }
}

public sealed class BorrowerHasOverdueLoanErrorType : UserErrorType<BorrowerHasOverdueLoanError>
{
    public BorrowerHasOverdueLoanErrorType()
    {
        Description = "The borrower first has to bring back a device that is overdue.";
        Field(e => e.DueAt).Description("When the overdue device was due.");
    }
}

public sealed class QueueHasPriorityErrorType : UserErrorType<QueueHasPriorityError>
{
    public QueueHasPriorityErrorType()
    {
        Description = "People are waiting for this kind of device here; the device goes to the first of them.";
        Field(e => e.Waiting).Description("How many people are waiting for this kind at this help point.");
    }
}

public sealed class RenewalLimitReachedErrorType : UserErrorType<RenewalLimitReachedError>
{
    public RenewalLimitReachedErrorType()
    {
        Description = "The loan has been renewed as often as the loan rule of this kind allows.";
        Field(e => e.RenewalsAllowed);
    }
}

public sealed class WaitingListErrorType : UserErrorType<WaitingListError>
{
    public WaitingListErrorType()
    {
        Description = "Someone is waiting for this kind of device here, so the loan cannot be renewed.";
        Field(e => e.Waiting).Description("How many people are waiting for this kind at this help point.");
    }
}

public sealed class LoanAlreadyReturnedErrorType : UserErrorType<LoanAlreadyReturnedError>
{
    public LoanAlreadyReturnedErrorType()
    {
        Description = "The device of this loan has already been brought back.";
        Field(e => e.ReturnedAt);
    }
}

public sealed class DeviceNotInMaintenanceErrorType : UserErrorType<DeviceNotInMaintenanceError>
{
    public DeviceNotInMaintenanceErrorType()
    {
        Description = "Only a device in maintenance (returned, not yet wiped) can be marked as wiped.";
        Field(e => e.Status, type: typeof(NonNullGraphType<EnumerationGraphType<DeviceStatus>>));
    }
}

public sealed class DeviceDamagedErrorType : UserErrorType<DeviceDamagedError>
{
    public DeviceDamagedErrorType() => Description = "A damaged device stays in maintenance until it is repaired; give its condition after repair.";
}
