using System.Linq.Expressions;

namespace Digibank.Api.GraphQL.Sorting;

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
