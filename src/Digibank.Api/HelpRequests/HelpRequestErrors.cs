using System.ComponentModel;

namespace Digibank.Api.HelpRequests;

[Description("The digibuddy does not help with the request's topic.")]
public sealed record DigibuddyLacksSkillError(string Message, [property: Description("The topic the request is about.")] string TopicName)
    : UserError(Message, "DIGIBUDDY_LACKS_SKILL");

[Description("The digibuddy no longer takes requests.")]
public sealed record DigibuddyInactiveError(string Message) : UserError(Message, "DIGIBUDDY_INACTIVE");

[Description("Only home visits get a time slot.")]
public sealed record NotAHomeVisitError(string Message, HelpRequestChannel Channel) : UserError(Message, "NOT_A_HOME_VISIT");

[Description("The assigned digibuddy already has a visit at that time.")]
public sealed record SlotTakenError(
    string Message,
    [property: Description("Start of the visit in the way (UTC).")] DateTime TakenFrom,
    [property: Description("End of the visit in the way (UTC).")] DateTime TakenUntil) : UserError(Message, "SLOT_TAKEN");

[Description("The request cannot go from its status to the one asked, e.g. a resolved request is final.")]
public sealed record InvalidStatusChangeError(string Message, HelpRequestStatus From, HelpRequestStatus To) : UserError(Message, "INVALID_STATUS_CHANGE");
