using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using Digibank.Api.GraphQL.Relay;
using GraphQL.Types;

namespace Digibank.Api.GraphQL.Filtering;

/// <summary>
/// A <c>where:</c> input type for <typeparamref name="T"/>. Each field is declared with the expression it
/// filters on, so the whole condition becomes one LINQ predicate that EF Core translates to SQL.
/// Only declared fields are filterable: personal data can never be reached through a filter.
/// </summary>
public abstract class FilterInputType<T> : InputObjectGraphType
{
    private readonly Dictionary<string, Func<Expression, object, Expression>> _conditions = [];

    protected FilterInputType(string name, string description)
    {
        Name = name;
        Description = description;
        var self = new GraphQLTypeReference(name);
        AddField(new FieldType { Name = "and", Description = "Every condition holds.", ResolvedType = new ListGraphType(new NonNullGraphType(self)) });
        AddField(new FieldType { Name = "or", Description = "At least one condition holds.", ResolvedType = new ListGraphType(new NonNullGraphType(self)) });
        _conditions["and"] = (instance, value) => FilterExpressions.AllOf(Nested(value).Select(filter => filter.BuildFor(instance)));
        _conditions["or"] = (instance, value) => FilterExpressions.AnyOf(Nested(value).Select(filter => filter.BuildFor(instance)));
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new Filter<T>(
            instance => FilterExpressions.AllOf(value.Where(entry => entry.Value is not null).Select(entry => _conditions[entry.Key](instance, entry.Value!))),
            FilterSize.Measure(value));

    /// <summary>A text field. With <paramref name="searchKey"/>, matching runs on the folded key (see <see cref="TextKey"/>).</summary>
    protected void Text(string name, Expression<Func<T, string?>> member, Expression<Func<T, string>>? searchKey = null)
    {
        Field<StringOperationFilterInputType>(name);
        _conditions[name] = searchKey is null
            ? (instance, value) => FieldOperations.Build(FilterExpressions.Bind(member, instance), OperationsOf(value), static text => text)
            : (instance, value) => FieldOperations.Build(FilterExpressions.Bind(searchKey, instance), OperationsOf(value), static text => text is string s ? TextKey.Fold(s) : null);
    }

    protected void Int(string name, Expression<Func<T, int>> member) => Scalar<IntOperationFilterInputType>(name, member);

    protected void Int(string name, Expression<Func<T, int?>> member) => Scalar<IntOperationFilterInputType>(name, member);

    protected void DateTime(string name, Expression<Func<T, DateTime>> member) => Scalar<DateTimeOperationFilterInputType>(name, member);

    protected void DateTime(string name, Expression<Func<T, DateTime?>> member) => Scalar<DateTimeOperationFilterInputType>(name, member);

    protected void Boolean(string name, Expression<Func<T, bool>> member) => Scalar<BooleanOperationFilterInputType>(name, member);

    protected void Enum<TEnum>(string name, Expression<Func<T, TEnum>> member)
        where TEnum : struct, System.Enum =>
        Scalar<EnumOperationFilterInputType<TEnum>>(name, member);

    /// <summary>A Relay id field; values are global ids of <paramref name="nodeType"/>.</summary>
    protected void Id(string name, Expression<Func<T, int>> member, string nodeType) => Id(name, (LambdaExpression)member, nodeType);

    protected void Id(string name, Expression<Func<T, int?>> member, string nodeType) => Id(name, (LambdaExpression)member, nodeType);

    /// <summary>A related object, filtered with its own filter type.</summary>
    protected void Object<TFilterType, TOther>(string name, Expression<Func<T, TOther?>> member)
        where TFilterType : FilterInputType<TOther>
    {
        Field<TFilterType>(name);
        _conditions[name] = (instance, value) => ((Filter<TOther>)value).BuildFor(FilterExpressions.Bind(member, instance));
    }

    /// <summary>A list of related objects: <c>some</c>, <c>all</c>, <c>none</c> of them match, or <c>any</c> exist.</summary>
    protected void List<TFilterType, TItem>(string name, Expression<Func<T, IEnumerable<TItem>>> member)
        where TFilterType : FilterInputType<TItem>
    {
        Field<ListFilterInputType<TFilterType>>(name);
        _conditions[name] = (instance, value) => ListConditions.Build<TItem>(
            FilterExpressions.Bind(member, instance),
            OperationsOf(value),
            (item, condition) => ((Filter<TItem>)condition).BuildFor(item));
    }

    /// <summary>A list of enum values stored with the row, such as a course's target groups.</summary>
    protected void EnumList<TEnum>(string name, Expression<Func<T, IEnumerable<TEnum>>> member)
        where TEnum : struct, System.Enum
    {
        Field<EnumListFilterInputType<TEnum>>(name);
        _conditions[name] = (instance, value) => ListConditions.Build<TEnum>(
            FilterExpressions.Bind(member, instance),
            OperationsOf(value),
            (item, condition) => FieldOperations.Build(item, OperationsOf(condition), static v => v));
    }

    private void Scalar<TOperationType>(string name, LambdaExpression member)
        where TOperationType : IInputObjectGraphType
    {
        Field<TOperationType>(name);
        _conditions[name] = (instance, value) => FieldOperations.Build(FilterExpressions.Bind(member, instance), OperationsOf(value), static v => v);
    }

    private void Id(string name, LambdaExpression member, string nodeType)
    {
        Field<IdOperationFilterInputType>(name);
        _conditions[name] = (instance, value) => FieldOperations.Build(
            FilterExpressions.Bind(member, instance),
            OperationsOf(value),
            id => id is null ? null : GlobalId.DecodeFor(nodeType, id.ToString()));
    }

    private static IDictionary<string, object?> OperationsOf(object value) => (IDictionary<string, object?>)value;

    private static IEnumerable<Filter<T>> Nested(object value) => ((IEnumerable)value).Cast<Filter<T>>();
}

/// <summary>Turns the operations of one field (eq, in, contains, gt…) into conditions on a member expression.</summary>
internal static class FieldOperations
{
    private static readonly MethodInfo StringContains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo StringStartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
    private static readonly MethodInfo StringEndsWith = typeof(string).GetMethod(nameof(string.EndsWith), [typeof(string)])!;

    public static Expression Build(Expression member, IDictionary<string, object?> operations, Func<object?, object?> convert) =>
        FilterExpressions.AllOf(operations.Select(operation => Build(member, operation.Key, operation.Value, convert)));

    private static Expression Build(Expression member, string operation, object? value, Func<object?, object?> convert) => operation switch
    {
        "eq" => Compare(Expression.Equal, member, value, convert),
        "neq" => Compare(Expression.NotEqual, member, value, convert),
        "in" => In(member, value, convert),
        "nin" => Expression.Not(In(member, value, convert)),
        "gt" => Compare(Expression.GreaterThan, member, value, convert),
        "ngt" => Expression.Not(Compare(Expression.GreaterThan, member, value, convert)),
        "gte" => Compare(Expression.GreaterThanOrEqual, member, value, convert),
        "ngte" => Expression.Not(Compare(Expression.GreaterThanOrEqual, member, value, convert)),
        "lt" => Compare(Expression.LessThan, member, value, convert),
        "nlt" => Expression.Not(Compare(Expression.LessThan, member, value, convert)),
        "lte" => Compare(Expression.LessThanOrEqual, member, value, convert),
        "nlte" => Expression.Not(Compare(Expression.LessThanOrEqual, member, value, convert)),
        "contains" => Text(member, StringContains, value, convert),
        "ncontains" => Expression.Not(Text(member, StringContains, value, convert)),
        "startsWith" => Text(member, StringStartsWith, value, convert),
        "nstartsWith" => Expression.Not(Text(member, StringStartsWith, value, convert)),
        "endsWith" => Text(member, StringEndsWith, value, convert),
        "nendsWith" => Expression.Not(Text(member, StringEndsWith, value, convert)),
        _ => throw new InvalidOperationException($"Unknown filter operation '{operation}'."),
    };

    private static Expression Compare(Func<Expression, Expression, BinaryExpression> compare, Expression member, object? value, Func<object?, object?> convert)
    {
        var converted = convert(value);
        if (converted is null && member.Type.IsValueType && Nullable.GetUnderlyingType(member.Type) is null)
        {
            // A null compared with a column that cannot be null: lift the column so "eq: null" simply matches nothing.
            var nullable = typeof(Nullable<>).MakeGenericType(member.Type);
            return compare(Expression.Convert(member, nullable), Expression.Constant(null, nullable));
        }

        return compare(member, FilterExpressions.Parameter(converted, member.Type));
    }

    private static Expression Text(Expression member, MethodInfo method, object? value, Func<object?, object?> convert) =>
        convert(value) is string text
            ? Expression.AndAlso(
                Expression.NotEqual(member, Expression.Constant(null, typeof(string))),
                Expression.Call(member, method, FilterExpressions.Parameter(text, typeof(string))))
            : FilterExpressions.True;

    private static Expression In(Expression member, object? value, Func<object?, object?> convert)
    {
        var listType = typeof(List<>).MakeGenericType(member.Type);
        var list = (IList)Activator.CreateInstance(listType)!;
        foreach (var item in (IEnumerable?)value ?? Array.Empty<object?>())
        {
            list.Add(convert(item));
        }

        var contains = typeof(Enumerable).GetMethods()
            .Single(method => method.Name == nameof(Enumerable.Contains) && method.GetParameters().Length == 2)
            .MakeGenericMethod(member.Type);
        return Expression.Call(contains, FilterExpressions.Parameter(list, listType), member);
    }
}

internal static class ListConditions
{
    public static Expression Build<TItem>(Expression list, IDictionary<string, object?> operations, Func<Expression, object, Expression> itemCondition)
    {
        var item = Expression.Parameter(typeof(TItem), "item");
        return FilterExpressions.AllOf(operations.Where(operation => operation.Value is not null).Select(operation => operation.Key switch
        {
            "some" => Any<TItem>(list, Expression.Lambda(itemCondition(item, operation.Value!), item)),
            "none" => Expression.Not(Any<TItem>(list, Expression.Lambda(itemCondition(item, operation.Value!), item))),
            "all" => Expression.Call(typeof(Enumerable), nameof(Enumerable.All), [typeof(TItem)], list, Expression.Lambda(itemCondition(item, operation.Value!), item)),
            "any" => (bool)operation.Value! ? Any<TItem>(list, null) : Expression.Not(Any<TItem>(list, null)),
            _ => throw new InvalidOperationException($"Unknown list operation '{operation.Key}'."),
        }));
    }

    private static Expression Any<TItem>(Expression list, LambdaExpression? predicate) =>
        predicate is null
            ? Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(TItem)], list)
            : Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(TItem)], list, predicate);
}
