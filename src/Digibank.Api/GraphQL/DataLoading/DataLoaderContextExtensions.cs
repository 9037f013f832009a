using Digibank.Api.Data;
using GraphQL;
using GraphQL.DataLoader;

namespace Digibank.Api.GraphQL.DataLoading;

public static class DataLoaderContextExtensions
{
    /// <summary>Loads one row per key, e.g. the partner of each course on a page.</summary>
    public static IDataLoaderResult<TValue?> LoadByKey<TKey, TValue>(
        this IResolveFieldContext context,
        string loaderName,
        TKey key,
        Func<DigibankDbContext, IReadOnlyCollection<TKey>, IQueryable<TValue>> query,
        Func<TValue, TKey> keyOf)
        where TKey : notnull =>
        context.RequestServices!.GetRequiredService<DataLoaderRegistry>()
            .GetOrAdd<TKey, TValue>(loaderName, async (db, keys, cancellationToken) =>
                await keys.ReadInChunksAsync(chunk => query(db, chunk), keyOf, cancellationToken))
            .Load(key);

    /// <summary>Loads the rows belonging to each key, e.g. the sessions of each course on a page; a key without rows gets an empty list.</summary>
    public static IDataLoaderResult<IReadOnlyList<TValue>> LoadGroup<TKey, TValue>(
        this IResolveFieldContext context,
        string loaderName,
        TKey key,
        Func<DigibankDbContext, IReadOnlyCollection<TKey>, IQueryable<TValue>> query,
        Func<TValue, TKey> keyOf)
        where TKey : notnull =>
        context.RequestServices!.GetRequiredService<DataLoaderRegistry>()
            .GetOrAdd<TKey, IReadOnlyList<TValue>>(loaderName, async (db, keys, cancellationToken) =>
            {
                var rows = await keys.ReadInChunksAsync(chunk => query(db, chunk), cancellationToken);
                return rows.GroupBy(keyOf).ToDictionary(group => group.Key, group => (IReadOnlyList<TValue>)[.. group]);
            })
            .Load(key)
            .Then(rows => rows ?? []);

    /// <summary>Transforms a loaded value without giving up batching.</summary>
    public static IDataLoaderResult<TResult> Then<TValue, TResult>(this IDataLoaderResult<TValue> result, Func<TValue, TResult> transform) =>
        new MappedResult<TValue, TResult>(result, transform);

    private sealed class MappedResult<TValue, TResult>(IDataLoaderResult<TValue> inner, Func<TValue, TResult> transform) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) =>
            transform(await inner.GetResultAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
