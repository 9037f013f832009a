using System.ComponentModel;

namespace Digibank.Api.Devices;

[Description("The help point does not lend this kind of device.")]
public sealed record LendingNotOfferedError(string Message) : UserError(Message, "LENDING_NOT_OFFERED");

[Description("This person is already waiting for this kind of device at this help point.")]
public sealed record AlreadyInQueueError(string Message, [property: Description("Their place in the queue, 1 first.")] int Position)
    : UserError(Message, "ALREADY_IN_QUEUE");

[Description("The reservation is no longer in the queue: fulfilled, cancelled or expired.")]
public sealed record ReservationNotWaitingError(string Message, ReservationStatus Status) : UserError(Message, "RESERVATION_NOT_WAITING");

[Description("The borrower already has as many devices of this kind as one person may borrow at once.")]
public sealed record LoanLimitReachedError(string Message, [property: Description("How many of this kind one person may have on loan at once.")] int MaxOpenLoans)
    : UserError(Message, "LOAN_LIMIT_REACHED");

[Description("The device is lent out, set aside for someone in the queue, waiting to be wiped, or retired.")]
public sealed record DeviceNotAvailableError(string Message, DeviceStatus Status) : UserError(Message, "DEVICE_NOT_AVAILABLE");

[Description("The borrower first has to bring back a device that is overdue.")]
public sealed record BorrowerHasOverdueLoanError(string Message, [property: Description("When the overdue device was due.")] DateTime DueAt)
    : UserError(Message, "BORROWER_HAS_OVERDUE_LOAN");

[Description("People are waiting for this kind of device here; the device goes to the first of them.")]
public sealed record QueueHasPriorityError(string Message, [property: Description("How many people are waiting for this kind at this help point.")] int Waiting)
    : UserError(Message, "QUEUE_HAS_PRIORITY");

[Description("The loan has been renewed as often as the loan rule of this kind allows.")]
public sealed record RenewalLimitReachedError(string Message, int RenewalsAllowed) : UserError(Message, "RENEWAL_LIMIT_REACHED");

[Description("Someone is waiting for this kind of device here, so the loan cannot be renewed.")]
public sealed record WaitingListError(string Message, [property: Description("How many people are waiting for this kind at this help point.")] int Waiting)
    : UserError(Message, "WAITING_LIST");

[Description("The device of this loan has already been brought back.")]
public sealed record LoanAlreadyReturnedError(string Message, DateTime ReturnedAt) : UserError(Message, "LOAN_ALREADY_RETURNED");

[Description("Only a device in maintenance (returned, not yet wiped) can be marked as wiped.")]
public sealed record DeviceNotInMaintenanceError(string Message, DeviceStatus Status) : UserError(Message, "DEVICE_NOT_IN_MAINTENANCE");

[Description("A damaged device stays in maintenance until it is repaired; give its condition after repair.")]
public sealed record DeviceDamagedError(string Message) : UserError(Message, "DEVICE_DAMAGED");


[Description("Not every step of the wipe checklist was done; the device stays in maintenance.")]
public sealed record WipeChecklistIncompleteError(string Message, [property: Description("The steps still to do.")] IReadOnlyList<WipeStep> StepsLeft)
    : UserError(Message, "WIPE_CHECKLIST_INCOMPLETE");
