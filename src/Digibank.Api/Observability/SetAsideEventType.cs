using Digibank.Api.Data.Outbox;
using Digibank.Api.GraphQL.Relay;
using GraphQL.Types;

namespace Digibank.Api.Observability;

/// <summary>An event a consumer of the outbox gave up on, as the admin sees it.</summary>
public sealed class SetAsideEventType : ObjectGraphType<SetAsideEvent>
{
    public const string TypeName = "SetAsideEvent";

    public SetAsideEventType()
    {
        Name = TypeName;
        Description = "A change that one part of the platform (the messages to residents, the partners' sign-up feed, the dashboard) could not " +
            "handle after its tries: it was set aside so that everything after it went on. Retry it with `retrySetAsideEvent` once the cause is mended.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => GlobalId.Encode(TypeName, context.Source.Id));
        Field(e => e.Consumer).Description("What could not handle it: `notifications`, `partner-sign-up-feed`, `dashboard`…");
        Field(e => e.Sequence).Description("The change's number in the outbox.");
        Field(e => e.EventType).Description("The kind of change, e.g. `CoursesWithdrawn`.");
        Field(e => e.OccurredAt).Description("When the change was committed.");
        Field(e => e.Attempts).Description("How often it was tried before it was set aside.");
        Field(e => e.LastError).Description("What the last try ended with (no personal data).");
        Field(e => e.SetAsideAt);
    }
}
