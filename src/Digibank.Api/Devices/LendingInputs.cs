using System.ComponentModel;
using Digibank.Api.Courses;
using Digibank.Api.GraphQL.Mutations;
using Digibank.Api.Participants;
using GraphQL;

namespace Digibank.Api.Devices;

[Description("Only what the loan needs: a first name, one way to reach the person, their town and who they are.")]
public sealed record ReserveDeviceInput(
    [property: Id, Description("Where the person will collect the device.")] string HelpPointId,
    DeviceKind Kind,
    string FirstName,
    string? Email,
    string? Phone,
    [property: Id] string MunicipalityId,
    TargetGroup TargetGroup,
    [property: Description("The person agrees that Digibank keeps these details for the loan.")] bool Consent)
    : IResidentInput;

[Description("The reservation and its place in the queue.")]
public sealed record ReserveDevicePayload(Reservation? Reservation) : Payload;

public sealed record CancelReservationInput([property: Id] string ReservationId);

[Description("The cancelled reservation; everyone behind it moved up one place.")]
public sealed record CancelReservationPayload(Reservation? Reservation) : Payload;

public sealed record LendDeviceInput(
    [property: Id] string DeviceId,
    [property: Id, Description("The borrower.")] string ParticipantId,
    [property: Id, Description("The borrower's reservation, which becomes FULFILLED. Without it, the borrower's own waiting reservation for this kind here is used.")]
    string? ReservationId);

[Description("The new loan.")]
public sealed record LendDevicePayload(Loan? Loan) : Payload;

public sealed record RenewLoanInput([property: Id] string LoanId);

[Description("The loan with its new due date.")]
public sealed record RenewLoanPayload(Loan? Loan) : Payload;

public sealed record ReturnDeviceInput(
    [property: Id] string LoanId,
    [property: Description("The state the device came back in.")] DeviceCondition Condition,
    [property: Description("Whether charger, cable and case came back.")] bool AccessoriesComplete);

[Description("The closed loan; its device is now in MAINTENANCE until it is wiped.")]
public sealed record ReturnDevicePayload(Loan? Loan) : Payload;

public sealed record MarkDeviceWipedInput(
    [property: Id] string DeviceId,
    [property: Description("The condition after the check, e.g. GOOD after a repair; leave empty to keep the recorded one.")] DeviceCondition? Condition);

[Description("The device, AVAILABLE again.")]
public sealed record MarkDeviceWipedPayload(Device? Device) : Payload;
