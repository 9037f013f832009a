using GraphQL;
using GraphQL.Types;

namespace Digibank.Api.GraphQL.Paging;

public sealed class EdgeGraphType<TNodeType, TNode> : ObjectGraphType<Edge<TNode>>
    where TNodeType : IGraphType
{
    public EdgeGraphType()
    {
        var nodeName = typeof(TNodeType).GraphQLName();
        Name = $"{nodeName}Edge";
        Description = $"A `{nodeName}` and its cursor.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(context => context.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Resolve(context => context.Source.Node);
    }
}
