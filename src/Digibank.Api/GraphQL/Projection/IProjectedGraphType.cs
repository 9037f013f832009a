using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Digibank.Api.GraphQL.Projection;

/// <summary>A graph type that knows which members of its entity each of its fields reads.</summary>
public interface IProjectedGraphType : IComplexGraphType
{
    /// <summary>Adds what <paramref name="field"/> reads to <paramref name="node"/>; false when the field's needs are unknown.</summary>
    bool TryProject(GraphQLField field, ProjectionNode node, IResolveFieldContext context);
}
