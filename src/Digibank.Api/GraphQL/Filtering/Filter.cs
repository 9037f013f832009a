using System.Linq.Expressions;
using System.Runtime.CompilerServices;

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
