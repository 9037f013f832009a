using GraphQL.Types;

namespace Digibank.Api.GraphQL.Filtering;

public sealed class BooleanOperationFilterInputType : InputObjectGraphType
{
    public BooleanOperationFilterInputType()
    {
        Name = "BooleanOperationFilterInput";
        Field<BooleanGraphType>("eq");
        Field<BooleanGraphType>("neq");
    }
}
