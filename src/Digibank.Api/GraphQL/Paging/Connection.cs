using GraphQL.Types.Relay.DataObjects;

namespace Digibank.Api.GraphQL.Paging;

/// <summary>One page of a list. <see cref="CountAsync"/> runs only when a client asks for <c>totalCount</c>.</summary>
public sealed class Connection<T>(IReadOnlyList<Edge<T>> edges, PageInfo pageInfo, Func<CancellationToken, Task<int>> countAsync)
{
    public IReadOnlyList<Edge<T>> Edges { get; } = edges;

    public IEnumerable<T> Nodes => Edges.Select(edge => edge.Node);

    public PageInfo PageInfo { get; } = pageInfo;

    public Task<int> CountAsync(CancellationToken cancellationToken) => countAsync(cancellationToken);
}
