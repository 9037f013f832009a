using System.Linq.Expressions;
using Digibank.Api.GraphQL.Filtering;
using GraphQL.Types;

namespace Digibank.Api.GraphQL.Sorting;

/// <summary>
/// An <c>order:</c> input type for <typeparamref name="T"/>. Each field names the expression it sorts by;
/// related objects sort by their own sort type, so <c>order: [{ partner: { name: ASC } }]</c> works.
/// </summary>
public abstract class SortInputType<T> : InputObjectGraphType
{
    private readonly Dictionary<string, Func<object, IEnumerable<SortStep<T>>>> _steps = [];

    protected SortInputType(string name, string description)
    {
        Name = name;
        Description = description;
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        value.Where(entry => entry.Value is not null).SelectMany(entry => _steps[entry.Key](entry.Value!)).ToList();

    protected void By<TKey>(string name, Expression<Func<T, TKey>> key)
    {
        Field<SortEnumType>(name);
        _steps[name] = direction => [new SortStep<T>(key, (SortDirection)direction)];
    }

    protected void Object<TSortType, TOther>(string name, Expression<Func<T, TOther?>> member)
        where TSortType : SortInputType<TOther>
    {
        Field<TSortType>(name);
        _steps[name] = nested => ((IEnumerable<SortStep<TOther>>)nested).Select(step =>
            new SortStep<T>(Expression.Lambda(FilterExpressions.Bind(step.Key, member.Body), member.Parameters), step.Direction));
    }
}
