using GraphQL.Types;

namespace Digibank.Api.GraphQL.Filtering;

public sealed class EnumOperationFilterInputType<TEnum> : InputObjectGraphType
    where TEnum : struct, Enum
{
    public EnumOperationFilterInputType()
    {
        Name = $"{typeof(TEnum).Name}OperationFilterInput";
        Field<EnumerationGraphType<TEnum>>("eq");
        Field<EnumerationGraphType<TEnum>>("neq");
        Field<ListGraphType<NonNullGraphType<EnumerationGraphType<TEnum>>>>("in");
        Field<ListGraphType<NonNullGraphType<EnumerationGraphType<TEnum>>>>("nin");
    }
}
