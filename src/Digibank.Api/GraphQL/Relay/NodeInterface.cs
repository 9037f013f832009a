using GraphQL.Types;

namespace Digibank.Api.GraphQL.Relay;

public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with a globally unique, opaque id that `node(id:)` finds again.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The globally unique id of the object.");
    }
}
