using GraphQL;
using GraphQLParser.AST;

namespace Digibank.Api.GraphQL.Paging;

/// <summary>Which fields a client selected on the items of a connection, through <c>nodes</c> or <c>edges { node }</c>.</summary>
public static class SelectionLookahead
{
    public static IReadOnlySet<string> NodeFieldNames(IResolveFieldContext context)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in Fields(context, context.FieldAst.SelectionSet))
        {
            if (field.Name.Value.Span.SequenceEqual("nodes"))
            {
                names.UnionWith(Fields(context, field.SelectionSet).Select(node => node.Name.StringValue));
            }
            else if (field.Name.Value.Span.SequenceEqual("edges"))
            {
                foreach (var node in Fields(context, field.SelectionSet).Where(edge => edge.Name.Value.Span.SequenceEqual("node")))
                {
                    names.UnionWith(Fields(context, node.SelectionSet).Select(nodeField => nodeField.Name.StringValue));
                }
            }
        }

        return names;
    }

    private static IEnumerable<GraphQLField> Fields(IResolveFieldContext context, GraphQLSelectionSet? selectionSet, int depth = 0)
    {
        // Fragments may nest; a bound keeps a malicious document from recursing without end.
        if (selectionSet is null || depth > 10)
        {
            yield break;
        }

        foreach (var selection in selectionSet.Selections)
        {
            var nested = selection switch
            {
                GraphQLField field => [field],
                GraphQLInlineFragment inline => Fields(context, inline.SelectionSet, depth + 1),
                GraphQLFragmentSpread spread => Fields(context, context.Document.Definitions.OfType<GraphQLFragmentDefinition>().FirstOrDefault(fragment => fragment.FragmentName.Name == spread.FragmentName.Name)?.SelectionSet, depth + 1),
                _ => [],
            };
            foreach (var field in nested)
            {
                yield return field;
            }
        }
    }
}
