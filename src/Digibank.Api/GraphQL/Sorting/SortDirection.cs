namespace Digibank.Api.GraphQL.Sorting;

public enum SortDirection
{
    Asc,
    Desc,
}
