using System.Collections.Concurrent;
using Digibank.Api.Data;
using Digibank.Api.GraphQL.Limits;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.GraphQL.DataLoading;

/// <summary>
/// Collects the keys that resolvers of one execution level ask for and fetches them with one query.
/// GraphQL.NET calls <see cref="IDataLoaderResult.GetResultAsync"/> only after every field of a level
/// has been resolved, so the first result awaited dispatches the whole batch.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private Batch? _open;

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        Batch batch;
        lock (_gate)
        {
            batch = _open ??= new Batch(this);
            batch.Keys.Add(key);
        }

        return new Result(batch, key);
    }

    private Task<IReadOnlyDictionary<TKey, TValue>> Dispatch(Batch batch, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_open, batch))
            {
                _open = null;
            }

            if (batch.Fetched is null)
            {
                SqlStatementBudget.EnsureRoom();
                batch.Fetched = fetch(batch.Keys, cancellationToken);
            }

            return batch.Fetched;
        }
    }

    private sealed class Batch(BatchLoader<TKey, TValue> owner)
    {
        public HashSet<TKey> Keys { get; } = [];

        public Task<IReadOnlyDictionary<TKey, TValue>>? Fetched { get; set; }

        public Task<IReadOnlyDictionary<TKey, TValue>> DispatchAsync(CancellationToken cancellationToken) =>
            owner.Dispatch(this, cancellationToken);
    }

    private sealed class Result(Batch batch, TKey key) : IDataLoaderResult<TValue?>
    {
        public async Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default) =>
            (await batch.DispatchAsync(cancellationToken)).GetValueOrDefault(key);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}

/// <summary>The batch loaders of one request, by name, each reading through its own short-lived DbContext.</summary>
public sealed class DataLoaderRegistry(IDbContextFactory<DigibankDbContext> dbContextFactory)
{
    private readonly ConcurrentDictionary<string, object> _loaders = new();

    public BatchLoader<TKey, TValue> GetOrAdd<TKey, TValue>(
        string name,
        Func<DigibankDbContext, IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
        where TKey : notnull =>
        (BatchLoader<TKey, TValue>)_loaders.GetOrAdd(name, _ => new BatchLoader<TKey, TValue>(async (keys, cancellationToken) =>
        {
            await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
            return await fetch(db, keys, cancellationToken);
        }));
}

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
