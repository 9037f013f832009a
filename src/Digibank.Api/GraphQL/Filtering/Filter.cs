using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using GraphQL.Validation;

namespace Digibank.Api.GraphQL.Filtering;

/// <summary>A parsed <c>where:</c> value: builds the condition for an expression of type <typeparamref name="T"/>.</summary>
public sealed class Filter<T>(Func<Expression, Expression> build, FilterSize size) : IFilter
{
    public FilterSize Size { get; } = size;

    public Expression BuildFor(Expression instance) => build(instance);

    public Expression<Func<T, bool>> ToPredicate()
    {
        var parameter = Expression.Parameter(typeof(T), "x");
        return Expression.Lambda<Func<T, bool>>(build(parameter), parameter);
    }
}

public interface IFilter
{
    FilterSize Size { get; }
}

/// <summary>How deep a filter nests, how many conditions it holds and its longest <c>in</c>/<c>nin</c> list, measured while it is parsed.</summary>
public readonly record struct FilterSize(int Depth, int Conditions, int LongestList)
{
    /// <summary>Measures one level of a <c>where:</c> value whose nested filters are already parsed (and measured).</summary>
    public static FilterSize Measure(IDictionary<string, object?> value)
    {
        var depth = 0;
        var conditions = 0;
        var longestList = 0;
        Visit(value);
        return new FilterSize(depth + 1, conditions, longestList);

        void Visit(object? item)
        {
            switch (item)
            {
                case IFilter nested:
                    depth = Math.Max(depth, nested.Size.Depth);
                    conditions += nested.Size.Conditions;
                    longestList = Math.Max(longestList, nested.Size.LongestList);
                    break;
                case IDictionary<string, object?> operations:
                    foreach (var operation in operations.Values)
                    {
                        Visit(operation);
                    }

                    break;
                case IEnumerable<object?> list when list.FirstOrDefault() is IFilter:
                    foreach (var nested in list)
                    {
                        Visit(nested);
                    }

                    break;
                case IEnumerable<object?> values:
                    conditions++;
                    longestList = Math.Max(longestList, values.Count());
                    break;
                case not null:
                    conditions++;
                    break;
            }
        }
    }

    /// <summary>
    /// Refuses a <c>where</c> argument deeper or larger than <see cref="QueryLimits"/> allow, before any SQL runs. It is the
    /// argument's validator, so it sees the whole filter however it came (inline, a <c>$where</c> variable, a list or a
    /// nested filter from a variable); thrown while a literal is parsed, the error would lose its code to INVALID_LITERAL.
    /// </summary>
    public static void EnsureWithinLimits(object filter)
    {
        var size = ((IFilter)filter).Size;
        if (size.Depth > QueryLimits.MaxFilterDepth)
        {
            throw TooComplex($"A `where` filter can nest at most {QueryLimits.MaxFilterDepth} levels of and, or and related objects.");
        }

        if (size.Conditions > QueryLimits.MaxFilterConditions)
        {
            throw TooComplex($"A `where` filter can hold at most {QueryLimits.MaxFilterConditions} conditions.");
        }

        if (size.LongestList > QueryLimits.MaxFilterListValues)
        {
            throw TooComplex($"An `in` or `nin` list can hold at most {QueryLimits.MaxFilterListValues} values.");
        }
    }

    private static ValidationError TooComplex(string message) => new(message) { Code = ErrorCodes.FilterTooComplex };
}

internal static class FilterExpressions
{
    public static readonly Expression True = Expression.Constant(true);

    public static Expression AllOf(IEnumerable<Expression> conditions) => Balanced(conditions.ToList(), Expression.AndAlso) ?? True;

    public static Expression AnyOf(IEnumerable<Expression> conditions) => Balanced(conditions.ToList(), Expression.OrElse) ?? Expression.Constant(false);

    /// <summary>
    /// Joins conditions as a balanced tree: a long <c>or</c> list then nests log₂(n) deep instead of n,
    /// which SQLite's limit on expression depth (1,000) would refuse.
    /// </summary>
    private static Expression? Balanced(List<Expression> conditions, Func<Expression, Expression, Expression> join) =>
        Join(conditions, 0, conditions.Count, join);

    private static Expression? Join(List<Expression> conditions, int start, int end, Func<Expression, Expression, Expression> join) => (end - start) switch
    {
        0 => null,
        1 => conditions[start],
        var count => join(Join(conditions, start, start + (count / 2), join)!, Join(conditions, start + (count / 2), end, join)!),
    };

    /// <summary>Rewrites <paramref name="selector"/> so it reads from <paramref name="instance"/> instead of its own parameter.</summary>
    public static Expression Bind(LambdaExpression selector, Expression instance) =>
        new ParameterReplacer(selector.Parameters[0], instance).Visit(selector.Body);

    /// <summary>
    /// A value as a closure field rather than a constant, so EF sends it as a SQL parameter:
    /// one cached query plan for every value and nothing from the client pasted into SQL.
    /// </summary>
    public static Expression Parameter(object? value, Type type)
    {
        var box = (IStrongBox)Activator.CreateInstance(typeof(StrongBox<>).MakeGenericType(type), value)!;
        return Expression.Field(Expression.Constant(box), nameof(StrongBox<object>.Value));
    }

    private sealed class ParameterReplacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            node == parameter ? replacement : base.VisitParameter(node);
    }
}
