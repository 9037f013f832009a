using System.ComponentModel;
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
    [property: Description("The person agrees that Digibank keeps these details for the loan.")] bool Consent,
    [property: DefaultValue(false)] bool SmsConsent)
    : IResidentInput;

public sealed record ReserveDevicePayload(
    Reservation? Reservation,
    [property: Description("Keep this to cancel later without an account. It is shown only once.")] string? CancellationToken) : Payload;

public sealed record CancelReservationInput(
    [property: Id] string ReservationId,
    [property: Description("The token received when reserving, or the one in the link of a message; staff of the help point need none.")] string? CancellationToken);

public sealed record LendDeviceInput(
    [property: Id] string DeviceId,
    [property: Id, Description("The borrower.")] string ParticipantId,
    [property: Id, Description("The borrower's reservation, which becomes FULFILLED. Without it, the borrower's own waiting reservation for this kind here is used.")]
    string? ReservationId,
    [property: Description("What goes with the device (charger, bag…), as the loan slip lists it.")] IReadOnlyList<LoanAccessory>? Accessories,
    [property: Description("When the device is due back: sooner than the kind's loan period, never later. Leave empty for the loan period.")] DateTime? DueAt);

public sealed record RenewLoanInput([property: Id] string LoanId);

public sealed record ReturnDeviceInput(
    [property: Id] string LoanId,
    [property: Description("The state the device came back in.")] DeviceCondition Condition,
    [property: Description("Whether everything handed out with the device came back. Leave empty when you give accessoriesReturned.")] bool? AccessoriesComplete,
    [property: Description("Which of the accessories handed out came back; decides accessoriesComplete.")] IReadOnlyList<LoanAccessory>? AccessoriesReturned);

public sealed record MarkDeviceWipedInput(
    [property: Id] string DeviceId,
    [property: Description("The condition after the check, e.g. GOOD after a repair; leave empty to keep the recorded one.")] DeviceCondition? Condition,
    [property: Description("The wipe checklist's steps done. When given, every step must be in it, or the device stays in maintenance.")] IReadOnlyList<WipeStep>? StepsDone);
