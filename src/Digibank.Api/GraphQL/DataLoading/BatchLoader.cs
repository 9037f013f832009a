using Digibank.Api.GraphQL.Limits;
using GraphQL.DataLoader;

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
