using Digibank.Api.GraphQL.Limits;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;

namespace Digibank.Api.GraphQL.Paging;

public sealed class ConnectionGraphType<TNodeType, TNode> : ObjectGraphType<Connection<TNode>>
    where TNodeType : IGraphType
{
    public ConnectionGraphType()
    {
        var nodeName = typeof(TNodeType).GraphQLName();
        Name = $"{nodeName}Connection";
        Description = $"A page of `{nodeName}` items.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType<TNodeType, TNode>>>>>("edges")
            .Description("The items of the page, each with its cursor.")
            .Resolve(context => context.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes")
            .Description("The items of the page.")
            .Resolve(context => context.Source.Nodes);
        Field<NonNullGraphType<PageInfoType>>("pageInfo")
            .Description("Whether there are more pages, and the cursors to reach them.")
            .Resolve(context => context.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("How many items match, over all pages.")
            .WithComplexityImpact(QueryLimits.TotalCountImpact)
            .ResolveAsync(async context =>
            {
                SqlStatementBudget.EnsureRoom();
                return await context.Source.CountAsync(context.CancellationToken);
            });
    }
}
