using GraphQL.Types;

namespace Digibank.Api.GraphQL.Filtering;

public sealed class StringOperationFilterInputType : InputObjectGraphType
{
    public StringOperationFilterInputType()
    {
        Name = "StringOperationFilterInput";
        Description = "Conditions on a text. On names, titles and summaries matching ignores case, accents, spaces and punctuation: \"tax on web\" finds \"Tax-on-web\".";
        Field<StringGraphType>("eq");
        Field<StringGraphType>("neq");
        Field<StringGraphType>("contains");
        Field<StringGraphType>("ncontains");
        Field<StringGraphType>("startsWith");
        Field<StringGraphType>("nstartsWith");
        Field<StringGraphType>("endsWith");
        Field<StringGraphType>("nendsWith");
        Field<ListGraphType<StringGraphType>>("in");
        Field<ListGraphType<StringGraphType>>("nin");
    }
}

public sealed class BooleanOperationFilterInputType : InputObjectGraphType
{
    public BooleanOperationFilterInputType()
    {
        Name = "BooleanOperationFilterInput";
        Field<BooleanGraphType>("eq");
        Field<BooleanGraphType>("neq");
    }
}

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

/// <summary>eq, neq, in, nin and the comparisons gt, gte, lt, lte with their negations, for one scalar.</summary>
public abstract class ComparableOperationFilterInputType<TScalarGraphType> : InputObjectGraphType
    where TScalarGraphType : ScalarGraphType
{
    protected ComparableOperationFilterInputType(string name)
    {
        Name = name;
        foreach (var operation in new[] { "eq", "neq", "gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte" })
        {
            Field<TScalarGraphType>(operation);
        }

        Field<ListGraphType<TScalarGraphType>>("in");
        Field<ListGraphType<TScalarGraphType>>("nin");
    }
}

public sealed class IntOperationFilterInputType() : ComparableOperationFilterInputType<IntGraphType>("IntOperationFilterInput");

public sealed class DateTimeOperationFilterInputType() : ComparableOperationFilterInputType<DateTimeGraphType>("DateTimeOperationFilterInput");

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

/// <summary>Conditions on a list: <c>some</c>, <c>all</c> or <c>none</c> of its items match, or it has <c>any</c> item at all.</summary>
public abstract class ListFilterInputType : InputObjectGraphType
{
    protected ListFilterInputType(string name, Type itemConditionType)
    {
        Name = name;
        Field("some", itemConditionType).Description("At least one item matches.");
        Field("all", itemConditionType).Description("Every item matches.");
        Field("none", itemConditionType).Description("No item matches.");
        Field<BooleanGraphType>("any").Description("true: the list has items; false: it is empty.");
    }
}

public sealed class ListFilterInputType<TItemFilterType>() :
    ListFilterInputType($"ListFilterInputTypeOf{typeof(TItemFilterType).Name[..^"Type".Length]}", typeof(TItemFilterType))
    where TItemFilterType : IInputObjectGraphType;

public sealed class EnumListFilterInputType<TEnum>() :
    ListFilterInputType($"ListEnumFilterInputTypeOf{typeof(TEnum).Name}OperationFilterInput", typeof(EnumOperationFilterInputType<TEnum>))
    where TEnum : struct, Enum;
