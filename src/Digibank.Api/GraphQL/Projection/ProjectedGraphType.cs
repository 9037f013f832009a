using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Digibank.Api.GraphQL.Projection;

/// <summary>
/// An object type over an entity whose fields declare what they read, so a page query can select
/// just those columns and join just the rows the client asked for (a projection, as HotChocolate's
/// <c>UseProjection</c> does). Fields made with <c>Field(x => x.Member)</c> declare themselves.
/// A field without a declaration makes the whole entity load, so a missing declaration costs speed, never data.
/// </summary>
public abstract class ProjectedGraphType<T> : ObjectGraphType<T>, IProjectedGraphType
    where T : class
{
    // GraphQL.NET records the member behind Field(x => x.Member) under this metadata key.
    private const string ExpressionMemberKey = "ORIGINAL_EXPRESSION_PROPERTY_NAME";

    private readonly Dictionary<string, Action<GraphQLField, ProjectionNode, IResolveFieldContext>> _reads = [];

    public bool TryProject(GraphQLField field, ProjectionNode node, IResolveFieldContext context)
    {
        var name = field.Name.StringValue;
        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            return true;
        }

        if (_reads.TryGetValue(name, out var reads))
        {
            reads(field, node, context);
            return true;
        }

        if (GetField(name)?.GetMetadata<string>(ExpressionMemberKey) is { } memberName && typeof(T).GetProperty(memberName) is { } property)
        {
            node.Members.Add(property);
            return true;
        }

        return false;
    }

    /// <summary>The field reads these members of the entity.</summary>
    protected void Reads(string fieldName, params Expression<Func<T, object?>>[] members) =>
        _reads[fieldName] = (_, node, _) => node.Members.UnionWith(members.Select(ProjectionNode.PropertyOf));

    /// <summary>The field resolves a related row with its own graph type; the client's selection decides its members.</summary>
    protected void ReadsRelated<TOther>(string fieldName, Expression<Func<T, TOther?>> navigation, params Expression<Func<T, object?>>[] members)
        where TOther : class =>
        _reads[fieldName] = (field, node, context) =>
        {
            node.Members.UnionWith(members.Select(ProjectionNode.PropertyOf));
            var related = node.Child(ProjectionNode.PropertyOf(navigation));
            if (GetField(fieldName)?.ResolvedType?.GetNamedType() is IProjectedGraphType relatedType)
            {
                related.AddSelection(relatedType, field.SelectionSet, context);
            }
            else
            {
                related.Whole = true;
            }
        };

    /// <summary>The field reads members of a related row whatever the client selected, e.g. a help point's name.</summary>
    protected void ReadsThrough<TOther>(string fieldName, Expression<Func<T, TOther?>> navigation, Expression<Func<TOther, object?>>[] relatedMembers, params Expression<Func<T, object?>>[] members)
        where TOther : class =>
        _reads[fieldName] = (_, node, _) =>
        {
            node.Members.UnionWith(members.Select(ProjectionNode.PropertyOf));
            node.Child(ProjectionNode.PropertyOf(navigation)).Members.UnionWith(relatedMembers.Select(ProjectionNode.PropertyOf));
        };

    /// <summary>The field's type is another view of the same entity (such as a course's location).</summary>
    protected void ReadsSameEntity(string fieldName) =>
        _reads[fieldName] = (field, node, context) =>
        {
            if (GetField(fieldName)?.ResolvedType?.GetNamedType() is IProjectedGraphType view)
            {
                node.AddSelection(view, field.SelectionSet, context);
            }
            else
            {
                node.Whole = true;
            }
        };
}
