using GraphQL.Types;

namespace Digibank.Api.GraphQL.Filtering;

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
