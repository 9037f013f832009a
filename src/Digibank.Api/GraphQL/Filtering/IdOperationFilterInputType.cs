using GraphQL.Types;

namespace Digibank.Api.GraphQL.Filtering;

public sealed class IdOperationFilterInputType : InputObjectGraphType
{
    public IdOperationFilterInputType()
    {
        Name = "IdOperationFilterInput";
        Field<IdGraphType>("eq");
        Field<IdGraphType>("neq");
        Field<ListGraphType<IdGraphType>>("in");
        Field<ListGraphType<IdGraphType>>("nin");
    }
}
