using GraphQL.Types;

namespace Digibank.Api.GraphQL.Filtering;

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
