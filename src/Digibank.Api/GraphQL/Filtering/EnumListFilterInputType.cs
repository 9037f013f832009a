namespace Digibank.Api.GraphQL.Filtering;

public sealed class EnumListFilterInputType<TEnum>() :
    ListFilterInputType($"ListEnumFilterInputTypeOf{typeof(TEnum).Name}OperationFilterInput", typeof(EnumOperationFilterInputType<TEnum>))
    where TEnum : struct, Enum;
