using Digibank.Api.Courses;
using Digibank.Api.GraphQL.Mutations;
using Digibank.Api.Participants;
using GraphQL.Types;

namespace Digibank.Api.Devices;

public sealed class ReserveDeviceInput : IResidentInput
{
    public string HelpPointId { get; set; } = string.Empty;
    public DeviceKind Kind { get; set; }
    public string FirstName { get; set; } = string.Empty;
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string MunicipalityId { get; set; } = string.Empty;
    public TargetGroup TargetGroup { get; set; }
    public bool Consent { get; set; }
}

public sealed class ReserveDeviceInputType : InputObjectGraphType<ReserveDeviceInput>
{
    public ReserveDeviceInputType()
    {
        Name = "ReserveDeviceInput";
        Description = "Only what the loan needs: a first name, one way to reach the person, their town and who they are.";
        Field<NonNullGraphType<IdGraphType>>("helpPointId").Description("Where the person will collect the device.");
        Field<NonNullGraphType<EnumerationGraphType<DeviceKind>>>("kind");
        Field<NonNullGraphType<StringGraphType>>("firstName").Description("First name only; at most 50 characters.");
        Field<StringGraphType>("email").Description("E-mail address, or leave empty and give a phone number.");
        Field<StringGraphType>("phone").Description("Phone number, or leave empty and give an e-mail address.");
        Field<NonNullGraphType<IdGraphType>>("municipalityId").Description("The town the person lives in.");
        Field<NonNullGraphType<EnumerationGraphType<TargetGroup>>>("targetGroup");
        Field<NonNullGraphType<BooleanGraphType>>("consent").Description("The person agrees that Digibank keeps these details for the loan.");
    }
}

public sealed record ReserveDevicePayload(Reservation? Reservation, IReadOnlyList<UserError> Errors) : IPayload
{
    public static ReserveDevicePayload Failed(UserError error) => new(null, [error]);
}

public sealed class ReserveDevicePayloadType : PayloadGraphType<ReserveDevicePayload>
{
    public ReserveDevicePayloadType()
        : base("ReserveDevice", "The reservation and its place in the queue.",
            typeof(LendingNotOfferedErrorType), typeof(AlreadyInQueueErrorType), typeof(ConsentRequiredErrorType))
    {
        Field<ReservationType>("reservation").Resolve(context => context.Source.Reservation);
    }
}

public sealed class CancelReservationInput
{
    public string ReservationId { get; set; } = string.Empty;
}

public sealed class CancelReservationInputType : InputObjectGraphType<CancelReservationInput>
{
    public CancelReservationInputType()
    {
        Name = "CancelReservationInput";
        Field<NonNullGraphType<IdGraphType>>("reservationId");
    }
}

public sealed record CancelReservationPayload(Reservation? Reservation, IReadOnlyList<UserError> Errors) : IPayload
{
    public static CancelReservationPayload Failed(UserError error) => new(null, [error]);
}

public sealed class CancelReservationPayloadType : PayloadGraphType<CancelReservationPayload>
{
    public CancelReservationPayloadType()
        : base("CancelReservation", "The cancelled reservation; everyone behind it moved up one place.", typeof(ReservationNotWaitingErrorType))
    {
        Field<ReservationType>("reservation").Resolve(context => context.Source.Reservation);
    }
}

public sealed class LendDeviceInput
{
    public string DeviceId { get; set; } = string.Empty;
    public string ParticipantId { get; set; } = string.Empty;
    public string? ReservationId { get; set; }
}

public sealed class LendDeviceInputType : InputObjectGraphType<LendDeviceInput>
{
    public LendDeviceInputType()
    {
        Name = "LendDeviceInput";
        Field<NonNullGraphType<IdGraphType>>("deviceId");
        Field<NonNullGraphType<IdGraphType>>("participantId").Description("The borrower.");
        Field<IdGraphType>("reservationId")
            .Description("The borrower's reservation, which becomes FULFILLED. Without it, the borrower's own waiting reservation for this kind here is used.");
    }
}

public sealed record LendDevicePayload(Loan? Loan, IReadOnlyList<UserError> Errors) : IPayload
{
    public static LendDevicePayload Failed(UserError error) => new(null, [error]);
}

public sealed class LendDevicePayloadType : PayloadGraphType<LendDevicePayload>
{
    public LendDevicePayloadType()
        : base("LendDevice", "The new loan.",
            typeof(DeviceNotAvailableErrorType), typeof(BorrowerHasOverdueLoanErrorType), typeof(QueueHasPriorityErrorType), typeof(ReservationNotWaitingErrorType))
    {
        Field<LoanType>("loan").Resolve(context => context.Source.Loan);
    }
}

public sealed class RenewLoanInput
{
    public string LoanId { get; set; } = string.Empty;
}

public sealed class RenewLoanInputType : InputObjectGraphType<RenewLoanInput>
{
    public RenewLoanInputType()
    {
        Name = "RenewLoanInput";
        Field<NonNullGraphType<IdGraphType>>("loanId");
    }
}

public sealed record RenewLoanPayload(Loan? Loan, IReadOnlyList<UserError> Errors) : IPayload
{
    public static RenewLoanPayload Failed(UserError error) => new(null, [error]);
}

public sealed class RenewLoanPayloadType : PayloadGraphType<RenewLoanPayload>
{
    public RenewLoanPayloadType()
        : base("RenewLoan", "The loan with its new due date.",
            typeof(RenewalLimitReachedErrorType), typeof(WaitingListErrorType), typeof(LoanAlreadyReturnedErrorType))
    {
        Field<LoanType>("loan").Resolve(context => context.Source.Loan);
    }
}

public sealed class ReturnDeviceInput
{
    public string LoanId { get; set; } = string.Empty;
    public DeviceCondition Condition { get; set; }
    public bool AccessoriesComplete { get; set; }
}

public sealed class ReturnDeviceInputType : InputObjectGraphType<ReturnDeviceInput>
{
    public ReturnDeviceInputType()
    {
        Name = "ReturnDeviceInput";
        Field<NonNullGraphType<IdGraphType>>("loanId");
        Field<NonNullGraphType<EnumerationGraphType<DeviceCondition>>>("condition").Description("The state the device came back in.");
        Field<NonNullGraphType<BooleanGraphType>>("accessoriesComplete").Description("Whether charger, cable and case came back.");
    }
}

public sealed record ReturnDevicePayload(Loan? Loan, IReadOnlyList<UserError> Errors) : IPayload
{
    public static ReturnDevicePayload Failed(UserError error) => new(null, [error]);
}

public sealed class ReturnDevicePayloadType : PayloadGraphType<ReturnDevicePayload>
{
    public ReturnDevicePayloadType()
        : base("ReturnDevice", "The closed loan; its device is now in MAINTENANCE until it is wiped.", typeof(LoanAlreadyReturnedErrorType))
    {
        Field<LoanType>("loan").Resolve(context => context.Source.Loan);
    }
}

public sealed class MarkDeviceWipedInput
{
    public string DeviceId { get; set; } = string.Empty;
    public DeviceCondition? Condition { get; set; }
}

public sealed class MarkDeviceWipedInputType : InputObjectGraphType<MarkDeviceWipedInput>
{
    public MarkDeviceWipedInputType()
    {
        Name = "MarkDeviceWipedInput";
        Field<NonNullGraphType<IdGraphType>>("deviceId");
        Field<EnumerationGraphType<DeviceCondition>>("condition")
            .Description("The condition after the check, e.g. GOOD after a repair; leave empty to keep the recorded one.");
    }
}

public sealed record MarkDeviceWipedPayload(Device? Device, IReadOnlyList<UserError> Errors) : IPayload
{
    public static MarkDeviceWipedPayload Failed(UserError error) => new(null, [error]);
}

public sealed class MarkDeviceWipedPayloadType : PayloadGraphType<MarkDeviceWipedPayload>
{
    public MarkDeviceWipedPayloadType()
        : base("MarkDeviceWiped", "The device, AVAILABLE again.", typeof(DeviceNotInMaintenanceErrorType), typeof(DeviceDamagedErrorType))
    {
        Field<DeviceType>("device").Resolve(context => context.Source.Device);
    }
}
