using GraphQL.Types;

namespace Digibank.Api.GraphQL.Sorting;

public sealed class SortEnumType : EnumerationGraphType<SortDirection>
{
    public SortEnumType()
    {
        Name = "SortEnumType";
        Description = "Ascending or descending.";
    }
}
