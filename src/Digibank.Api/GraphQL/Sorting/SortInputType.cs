using System.Linq.Expressions;
using Digibank.Api.GraphQL.Filtering;
using GraphQL.Types;

namespace Digibank.Api.GraphQL.Sorting;

public enum SortDirection
{
    Asc,
    Desc,
}

public sealed class SortEnumType : EnumerationGraphType<SortDirection>
{
    public SortEnumType()
    {
        Name = "SortEnumType";
        Description = "Ascending or descending.";
    }
}

/// <summary>One step of an <c>order:</c> argument: a key on <typeparamref name="T"/> and a direction.</summary>
public sealed record SortStep<T>(LambdaExpression Key, SortDirection Direction);

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

public static class SortingExtensions
{
    /// <summary>
    /// Applies the requested order, then the default order, then the id, so every row has one place
    /// and offset cursors stay stable between pages.
    /// </summary>
    public static IQueryable<T> OrderBySteps<T>(this IQueryable<T> source, IEnumerable<SortStep<T>> steps)
        where T : IEntity
    {
        Expression<Func<T, int>> byId = entity => entity.Id;
        var ordered = source.Expression;
        var first = true;
        foreach (var step in steps.Append(new SortStep<T>(byId, SortDirection.Asc)))
        {
            var method = (first, step.Direction) switch
            {
                (true, SortDirection.Asc) => nameof(Queryable.OrderBy),
                (true, SortDirection.Desc) => nameof(Queryable.OrderByDescending),
                (false, SortDirection.Asc) => nameof(Queryable.ThenBy),
                _ => nameof(Queryable.ThenByDescending),
            };
            ordered = Expression.Call(typeof(Queryable), method, [typeof(T), step.Key.ReturnType], ordered, Expression.Quote(step.Key));
            first = false;
        }

        return source.Provider.CreateQuery<T>(ordered);
    }
}
