using System.Collections.Concurrent;
using Digibank.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.GraphQL.DataLoading;

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
