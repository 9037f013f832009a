using Digibank.Api.Courses;
using Digibank.Api.GraphQL.Mutations;
using Digibank.Api.Participants;
using GraphQL.Types;

namespace Digibank.Api.HelpRequests;

public sealed class RegisterHelpRequestInput : IResidentInput
{
    public string TopicId { get; set; } = string.Empty;
    public HelpRequestUrgency Urgency { get; set; }
    public HelpRequestChannel Channel { get; set; }
    public string MunicipalityId { get; set; } = string.Empty;
    public string? HelpPointId { get; set; }
    public string FirstName { get; set; } = string.Empty;
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public TargetGroup TargetGroup { get; set; }
    public bool Consent { get; set; }
}

public sealed class RegisterHelpRequestInputType : InputObjectGraphType<RegisterHelpRequestInput>
{
    public RegisterHelpRequestInputType()
    {
        Name = "RegisterHelpRequestInput";
        Description = "The question and only what is needed to answer it: a first name, one way to reach the person, their town and who they are.";
        Field<NonNullGraphType<IdGraphType>>("topicId").Description("What the question is about, e.g. itsme or tax-on-web.");
        Field<NonNullGraphType<EnumerationGraphType<HelpRequestUrgency>>>("urgency");
        Field<NonNullGraphType<EnumerationGraphType<HelpRequestChannel>>>("channel").Description("HOME_VISIT goes to the mobile team.");
        Field<NonNullGraphType<IdGraphType>>("municipalityId").Description("The town the person lives in.");
        Field<IdGraphType>("helpPointId").Description("Where the person wants help; a home visit without one goes to the mobile team.");
        Field<NonNullGraphType<StringGraphType>>("firstName").Description("First name only; at most 50 characters.");
        Field<StringGraphType>("email").Description("E-mail address, or leave empty and give a phone number.");
        Field<StringGraphType>("phone").Description("Phone number, or leave empty and give an e-mail address.");
        Field<NonNullGraphType<EnumerationGraphType<TargetGroup>>>("targetGroup");
        Field<NonNullGraphType<BooleanGraphType>>("consent").Description("The person agrees that Digibank keeps these details to answer the question.");
    }
}

public sealed class AssignHelpRequestInput
{
    public string HelpRequestId { get; set; } = string.Empty;
    public string? DigibuddyId { get; set; }
    public bool AssignToMe { get; set; }
}

public sealed class AssignHelpRequestInputType : InputObjectGraphType<AssignHelpRequestInput>
{
    public AssignHelpRequestInputType()
    {
        Name = "AssignHelpRequestInput";
        Description = "Give either a digibuddy or `assignToMe: true`.";
        Field<NonNullGraphType<IdGraphType>>("helpRequestId");
        Field<IdGraphType>("digibuddyId").Description("The digibuddy who will help; see `helpRequestMatches`.");
        Field<BooleanGraphType>("assignToMe").DefaultValue(false).Description("The calling staff member helps, by name.");
    }
}

public sealed class ScheduleHomeVisitInput
{
    public string HelpRequestId { get; set; } = string.Empty;
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
}

public sealed class ScheduleHomeVisitInputType : InputObjectGraphType<ScheduleHomeVisitInput>
{
    public ScheduleHomeVisitInputType()
    {
        Name = "ScheduleHomeVisitInput";
        Field<NonNullGraphType<IdGraphType>>("helpRequestId");
        Field<NonNullGraphType<DateTimeGraphType>>("startsAt").Description("In the future, with a time zone offset.");
        Field<NonNullGraphType<DateTimeGraphType>>("endsAt").Description($"After the start; a visit lasts at most {HelpRequestMutations.MaxVisitHours} hours.");
    }
}

public sealed class UpdateHelpRequestStatusInput
{
    public string HelpRequestId { get; set; } = string.Empty;
    public HelpRequestStatus Status { get; set; }
}

public sealed class UpdateHelpRequestStatusInputType : InputObjectGraphType<UpdateHelpRequestStatusInput>
{
    public UpdateHelpRequestStatusInputType()
    {
        Name = "UpdateHelpRequestStatusInput";
        Field<NonNullGraphType<IdGraphType>>("helpRequestId");
        Field<NonNullGraphType<EnumerationGraphType<HelpRequestStatus>>>("status")
            .Description("RESOLVED or CANCELLED; ASSIGNED and SCHEDULED come from `assignHelpRequest` and `scheduleHomeVisit`.");
    }
}

/// <summary>What every help request mutation returns: the request as it is now, or why nothing changed.</summary>
public sealed record HelpRequestPayload(HelpRequest? HelpRequest, IReadOnlyList<UserError> Errors) : IPayload
{
    public static HelpRequestPayload Succeeded(HelpRequest helpRequest) => new(helpRequest, []);

    public static HelpRequestPayload Failed(params IReadOnlyList<UserError> errors) => new(null, errors);
}

public abstract class HelpRequestPayloadType : PayloadGraphType<HelpRequestPayload>
{
    protected HelpRequestPayloadType(string mutationName, string description, params Type[] errorTypes)
        : base(mutationName, description, errorTypes) =>
        Field<HelpRequestType>("helpRequest").Resolve(context => context.Source.HelpRequest);
}

public sealed class RegisterHelpRequestPayloadType() : HelpRequestPayloadType(
    "RegisterHelpRequest", "The registered help request, open until someone is assigned.", typeof(ConsentRequiredErrorType));

public sealed class AssignHelpRequestPayloadType() : HelpRequestPayloadType(
    "AssignHelpRequest", "The help request with its helper.",
    typeof(DigibuddyLacksSkillErrorType), typeof(DigibuddyInactiveErrorType), typeof(InvalidStatusChangeErrorType));

public sealed class ScheduleHomeVisitPayloadType() : HelpRequestPayloadType(
    "ScheduleHomeVisit", "The home visit with its time slot.",
    typeof(NotAHomeVisitErrorType), typeof(SlotTakenErrorType), typeof(InvalidStatusChangeErrorType));

public sealed class UpdateHelpRequestStatusPayloadType() : HelpRequestPayloadType(
    "UpdateHelpRequestStatus", "The help request with its new status.", typeof(InvalidStatusChangeErrorType));
