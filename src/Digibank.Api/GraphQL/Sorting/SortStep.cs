using System.Linq.Expressions;

namespace Digibank.Api.GraphQL.Sorting;

/// <summary>One step of an <c>order:</c> argument: a key on <typeparamref name="T"/> and a direction.</summary>
public sealed record SortStep<T>(LambdaExpression Key, SortDirection Direction);
