using GraphQL;
using GraphQLParser.AST;

namespace Digibank.Api.GraphQL.Projection;

/// <summary>Reads ahead in the document: which fields a client selected below the field being resolved.</summary>
public static class SelectionLookahead
{
    private const int MaxFragmentDepth = 10;

    /// <summary>The selection on the items of a connection, through <c>nodes</c> and <c>edges { node }</c>.</summary>
    public static GraphQLSelectionSet NodeSelection(IResolveFieldContext context)
    {
        var selections = new List<ASTNode>();
        foreach (var field in Fields(context, context.FieldAst.SelectionSet))
        {
            if (field.Name.Value.Span.SequenceEqual("nodes") && field.SelectionSet is { } nodes)
            {
                selections.AddRange(nodes.Selections);
            }
            else if (field.Name.Value.Span.SequenceEqual("edges"))
            {
                selections.AddRange(Fields(context, field.SelectionSet)
                    .Where(edge => edge.Name.Value.Span.SequenceEqual("node") && edge.SelectionSet is not null)
                    .SelectMany(node => node.SelectionSet!.Selections));
            }
        }

        return new GraphQLSelectionSet(selections);
    }

    /// <summary>The fields of a selection set, with fragments spread out.</summary>
    public static IEnumerable<GraphQLField> Fields(IResolveFieldContext context, GraphQLSelectionSet? selectionSet, int depth = 0)
    {
        // Fragments may nest; a bound keeps a hostile document from recursing without end.
        if (selectionSet is null || depth > MaxFragmentDepth)
        {
            yield break;
        }

        foreach (var selection in selectionSet.Selections)
        {
            var fields = selection switch
            {
                GraphQLField field => [field],
                GraphQLInlineFragment inline => Fields(context, inline.SelectionSet, depth + 1),
                GraphQLFragmentSpread spread => Fields(context, FragmentNamed(context, spread.FragmentName.Name)?.SelectionSet, depth + 1),
                _ => [],
            };
            foreach (var field in fields)
            {
                yield return field;
            }
        }
    }

    private static GraphQLFragmentDefinition? FragmentNamed(IResolveFieldContext context, GraphQLName name) =>
        context.Document.Definitions.OfType<GraphQLFragmentDefinition>().FirstOrDefault(fragment => fragment.FragmentName.Name == name);
}
