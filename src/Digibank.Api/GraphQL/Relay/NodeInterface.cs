using System.Linq.Expressions;
using Digibank.Api.Data;
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

/// <summary>An object type that is a Relay node: it implements <c>Node</c> and its id is a global id.</summary>
public abstract class NodeGraphType<T> : ObjectGraphType<T>
    where T : class, IEntity
{
    private readonly Dictionary<string, Expression<Func<T, object?>>[]> _joins = [];

    protected NodeGraphType(string name, string description)
    {
        Name = name;
        Description = description;
        Interface<NodeInterface>();
        IsTypeOf = value => value is T;
        Field<NonNullGraphType<IdGraphType>>("id")
            .Description("The globally unique id of the object.")
            .Resolve(context => GlobalId.Encode(name, context.Source.Id));
    }

    /// <summary>The navigations to join into a page query for the fields a client selected.</summary>
    public IEnumerable<Expression<Func<T, object?>>> JoinsFor(IReadOnlySet<string> selectedFields) =>
        _joins.Where(join => selectedFields.Contains(join.Key)).SelectMany(join => join.Value).Distinct();

    /// <summary>
    /// When <paramref name="fieldName"/> is selected on a page of these objects, the page query joins the
    /// single-row <paramref name="navigations"/> in, so their resolvers need no second query at all.
    /// Resolvers fall back to a batch loader when the navigation was not loaded.
    /// </summary>
    protected void JoinWhenSelected(string fieldName, params Expression<Func<T, object?>>[] navigations) =>
        _joins[fieldName] = navigations;
}
