using Digibank.Api.GraphQL.Projection;
using GraphQL.Types;

namespace Digibank.Api.GraphQL.Relay;

/// <summary>An object type that is a Relay node: it implements <c>Node</c> and its id is a global id.</summary>
public abstract class NodeGraphType<T> : ProjectedGraphType<T>
    where T : class, IEntity
{
    protected NodeGraphType(string name, string description)
    {
        Name = name;
        Description = description;
        Interface<NodeInterface>();
        IsTypeOf = value => value is T;
        Field<NonNullGraphType<IdGraphType>>("id")
            .Description("The globally unique id of the object.")
            .Resolve(context => GlobalId.Encode(name, context.Source.Id));
        Reads("id");
    }
}
