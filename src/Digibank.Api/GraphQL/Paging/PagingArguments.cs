namespace Digibank.Api.GraphQL.Paging;

public sealed record PagingArguments(int? First, string? After, int? Last, string? Before);
