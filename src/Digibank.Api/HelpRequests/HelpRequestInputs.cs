using System.ComponentModel;
using Digibank.Api.Participants;
using GraphQL;

namespace Digibank.Api.HelpRequests;

[Description("The question and only what is needed to answer it: a first name, one way to reach the person, their town and who they are.")]
public sealed record RegisterHelpRequestInput(
    [property: Id, Description("What the question is about, e.g. itsme or tax-on-web.")] string TopicId,
    HelpRequestUrgency Urgency,
    [property: Description("HOME_VISIT goes to the mobile team.")] HelpRequestChannel Channel,
    [property: Id] string MunicipalityId,
    [property: Id, Description("Where the person wants help; a home visit without one goes to the mobile team.")] string? HelpPointId,
    string FirstName,
    string? Email,
    string? Phone,
    TargetGroup TargetGroup,
    [property: Description("The person agrees that Digibank keeps these details to answer the question.")] bool Consent,
    [property: DefaultValue(false)] bool SmsConsent)
    : IResidentInput;

[Description("Give either a digibuddy or `assignToMe: true`.")]
public sealed record AssignHelpRequestInput(
    [property: Id] string HelpRequestId,
    [property: Id, Description("The digibuddy who will help; see `helpRequestMatches`.")] string? DigibuddyId,
    [property: DefaultValue(false), Description("The calling staff member helps, by name.")] bool AssignToMe);

public sealed record ScheduleHomeVisitInput(
    [property: Id] string HelpRequestId,
    [property: Description("In the future, with a time zone offset.")] DateTime StartsAt,
    [property: Description("After the start; a visit lasts at most 4 hours.")] DateTime EndsAt);

public sealed record UpdateHelpRequestStatusInput(
    [property: Id] string HelpRequestId,
    [property: Description("RESOLVED or CANCELLED; ASSIGNED and SCHEDULED come from `assignHelpRequest` and `scheduleHomeVisit`.")] HelpRequestStatus Status);
