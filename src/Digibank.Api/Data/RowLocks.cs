using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Digibank.Api.Data;

/// <summary>
/// Rows a rule reads and then changes on what it read (a course's free seats, a device's status) are locked
/// first, so two writers cannot both act on the same reading. On PostgreSQL, under READ COMMITTED and with
/// several API instances, that is <c>SELECT … FOR UPDATE</c>: a second writer waits until the first commits and
/// then reads what it wrote. On SQLite the transaction is IMMEDIATE and already holds the whole database, so
/// there is nothing more to lock.
/// </summary>
public static class RowLocks
{
    public static Task LockAsync<TEntity>(this DigibankDbContext db, int id, CancellationToken cancellationToken)
        where TEntity : class =>
        db.LockAsync<TEntity>([id], cancellationToken);

    /// <summary>Locks the rows in key order, so two writers locking overlapping sets never wait on each other in a circle.</summary>
    public static async Task LockAsync<TEntity>(this DigibankDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
        where TEntity : class
    {
        if (!db.Database.IsNpgsql() || ids.Count == 0)
        {
            return;
        }

        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A row lock lasts for its transaction: begin one first.");
        }

        var entity = db.Model.FindEntityType(typeof(TEntity))!;
        var table = entity.GetTableName()!;
        var key = entity.FindPrimaryKey()!.Properties.Single().GetColumnName();
        var sql = db.GetService<ISqlGenerationHelper>();
        var (quotedTable, quotedKey) = (sql.DelimitIdentifier(table), sql.DelimitIdentifier(key));
        // Names come from the model, never from input; the ids go as a parameter.
        var lockRows = $"SELECT 1 FROM {quotedTable} WHERE {quotedKey} = ANY({{0}}) ORDER BY {quotedKey} FOR UPDATE";
        await db.Database.ExecuteSqlRawAsync(lockRows, [ids.Order().ToArray()], cancellationToken);
    }
}
