using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Data;

/// <summary>
/// A list of keys reaches SQL in chunks. EF Core sends each value of a <c>Contains</c> as a parameter of its own, and a
/// statement takes at most 32,766 of them on SQLite (65,535 on PostgreSQL): one partner withdrawing 33,000 courses
/// must not make every later read of those ids fail.
/// </summary>
public static class InChunks
{
    /// <summary>Keys per statement: far below both limits, and large enough that a page of a hundred is one statement.</summary>
    public const int Size = 1000;

    /// <summary>The rows of <paramref name="query"/> for every key, one statement per <see cref="Size"/> distinct keys.</summary>
    public static async Task<List<T>> ReadInChunksAsync<TKey, T>(this IEnumerable<TKey> keys, Func<TKey[], IQueryable<T>> query, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        foreach (var chunk in keys.Distinct().Chunk(Size))
        {
            rows.AddRange(await query(chunk).ToListAsync(cancellationToken));
        }

        return rows;
    }

    /// <summary>The rows of <paramref name="query"/> for every key, by their key.</summary>
    public static async Task<Dictionary<TKey, T>> ReadInChunksAsync<TKey, T>(
        this IEnumerable<TKey> keys, Func<TKey[], IQueryable<T>> query, Func<T, TKey> keyOf, CancellationToken cancellationToken)
        where TKey : notnull =>
        (await keys.ReadInChunksAsync(query, cancellationToken)).ToDictionary(keyOf);
}
