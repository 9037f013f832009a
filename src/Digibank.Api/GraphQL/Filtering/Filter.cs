using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace Digibank.Api.GraphQL.Filtering;

/// <summary>A parsed <c>where:</c> value: builds the condition for an expression of type <typeparamref name="T"/>.</summary>
public sealed class Filter<T>(Func<Expression, Expression> build)
{
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

    public static Expression AllOf(IEnumerable<Expression> conditions) =>
        conditions.Aggregate((Expression?)null, (all, next) => all is null ? next : Expression.AndAlso(all, next)) ?? True;

    public static Expression AnyOf(IEnumerable<Expression> conditions) =>
        conditions.Aggregate((Expression?)null, (any, next) => any is null ? next : Expression.OrElse(any, next)) ?? Expression.Constant(false);

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
