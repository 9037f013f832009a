using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Digibank.Api.Participants;
using GraphQL.Types;

namespace Digibank.Api.Notifications;

public sealed class CallTaskType : ObjectGraphType<CallTask>
{
    public const string TypeName = "CallTask";

    public CallTaskType()
    {
        Name = TypeName;
        Description = "Someone to phone, or to tell at the counter, because they have no e-mail address: why, and the text to read out. Staff of the help point only.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => GlobalId.Encode(TypeName, context.Source.Id));
        Field(t => t.Reason, type: typeof(NonNullGraphType<EnumerationGraphType<NotificationReason>>));
        Field(t => t.Script, nullable: true).Description("What to tell the person, in their language; null once past the retention period.");
        Field(t => t.Outcome, type: typeof(NonNullGraphType<EnumerationGraphType<CallOutcome>>));
        Field(t => t.CreatedAt);
        Field(t => t.CalledAt, nullable: true);
        Field(t => t.CalledBy, nullable: true).Description("The staff member who called.");
        Field<HelpPointType>("helpPoint").Resolve(context => context.Source.HelpPointId is { } id ? context.LoadHelpPoint(id) : null);
        Field<ParticipantType>("participant")
            .Description("Whom to call: first name and phone number.")
            .Resolve(context => context.LoadParticipantFor(context.Source.HelpPointId, context.Source.RegionId, context.Source.ParticipantId));
    }
}
