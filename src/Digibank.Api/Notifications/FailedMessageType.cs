using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Digibank.Api.Participants;
using GraphQL.Types;

namespace Digibank.Api.Notifications;

/// <summary>A message that could not be delivered after its last try, for the coordinator to follow up.</summary>
public sealed class FailedMessageType : ObjectGraphType<Notification>
{
    public FailedMessageType()
    {
        Name = "FailedMessage";
        Description = "An e-mail that could not be delivered after its last try: whom it was for, why, and what the mail server said.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => GlobalId.Encode("Message", context.Source.Id));
        Field(n => n.Reason, type: typeof(NonNullGraphType<EnumerationGraphType<NotificationReason>>));
        Field(n => n.Subject);
        Field(n => n.Recipient, nullable: true).Description("The address it went to; null once past the retention period.");
        Field(n => n.Attempts);
        Field(n => n.LastError, nullable: true).Description("What the last try ended with.");
        Field(n => n.CreatedAt);
        Field<HelpPointType>("helpPoint").Resolve(context => context.Source.HelpPointId is { } id ? context.LoadHelpPoint(id) : null);
        Field<ParticipantType>("participant").Resolve(context => context.LoadParticipantFor(context.Source.HelpPointId, context.Source.RegionId, context.Source.ParticipantId));
    }
}
