using Digibank.Api.GraphQL.Mutations;
using GraphQL.Types;

namespace Digibank.Api.HelpRequests;

public sealed record DigibuddyLacksSkillError(string Message, string TopicName) : UserError(Message)
{
    public override string Code => "DIGIBUDDY_LACKS_SKILL";
}

public sealed record DigibuddyInactiveError(string Message) : UserError(Message)
{
    public override string Code => "DIGIBUDDY_INACTIVE";
}

public sealed record NotAHomeVisitError(string Message, HelpRequestChannel Channel) : UserError(Message)
{
    public override string Code => "NOT_A_HOME_VISIT";
}

public sealed record SlotTakenError(string Message, DateTime TakenFrom, DateTime TakenUntil) : UserError(Message)
{
    public override string Code => "SLOT_TAKEN";
}

public sealed record InvalidStatusChangeError(string Message, HelpRequestStatus From, HelpRequestStatus To) : UserError(Message)
{
    public override string Code => "INVALID_STATUS_CHANGE";
}

public sealed class DigibuddyLacksSkillErrorType : UserErrorType<DigibuddyLacksSkillError>
{
    public DigibuddyLacksSkillErrorType()
    {
        Description = "The digibuddy does not help with the request's topic.";
        Field(e => e.TopicName).Description("The topic the request is about.");
    }
}

public sealed class DigibuddyInactiveErrorType : UserErrorType<DigibuddyInactiveError>
{
    public DigibuddyInactiveErrorType() => Description = "The digibuddy no longer takes requests.";
}

public sealed class NotAHomeVisitErrorType : UserErrorType<NotAHomeVisitError>
{
    public NotAHomeVisitErrorType()
    {
        Description = "Only home visits get a time slot.";
        Field(e => e.Channel, type: typeof(NonNullGraphType<EnumerationGraphType<HelpRequestChannel>>));
    }
}

public sealed class SlotTakenErrorType : UserErrorType<SlotTakenError>
{
    public SlotTakenErrorType()
    {
        Description = "The assigned digibuddy already has a visit at that time.";
        Field(e => e.TakenFrom).Description("Start of the visit in the way (UTC).");
        Field(e => e.TakenUntil).Description("End of the visit in the way (UTC).");
    }
}

public sealed class InvalidStatusChangeErrorType : UserErrorType<InvalidStatusChangeError>
{
    public InvalidStatusChangeErrorType()
    {
        Description = "The request cannot go from its status to the one asked, e.g. a resolved request is final.";
        Field(e => e.From, type: typeof(NonNullGraphType<EnumerationGraphType<HelpRequestStatus>>));
        Field(e => e.To, type: typeof(NonNullGraphType<EnumerationGraphType<HelpRequestStatus>>));
    }
}
