using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Digibank.Api.GraphQL.Projection;

public static class Projector
{
    // A projection depends on the document only (the selection below the field, never variables), so it is
    // built once per connection field of a document; the document cache keeps the field, and with it the projection.
    private static readonly ConditionalWeakTable<GraphQLField, StrongBox<LambdaExpression?>> Projections = new();

    /// <summary>The projection for the items of a connection, or null when the whole entity has to load.</summary>
    public static Expression<Func<T, T>>? ForConnection<T>(IResolveFieldContext context, IGraphType nodeType) =>
        Projections.GetValue(context.FieldAst, _ => new StrongBox<LambdaExpression?>(Build<T>(context, nodeType))).Value as Expression<Func<T, T>>;

    private static Expression<Func<T, T>>? Build<T>(IResolveFieldContext context, IGraphType nodeType)
    {
        if (nodeType is not IProjectedGraphType projected)
        {
            return null;
        }

        var root = new ProjectionNode(typeof(T));
        root.AddSelection(projected, SelectionLookahead.NodeSelection(context), context);
        if (root.Whole)
        {
            return null;
        }

        var parameter = Expression.Parameter(typeof(T), "x");
        return Expression.Lambda<Func<T, T>>(root.Build(parameter), parameter);
    }
}
