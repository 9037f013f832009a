namespace Digibank.Api.GraphQL.Paging;

public sealed record Edge<T>(string Cursor, T Node);
