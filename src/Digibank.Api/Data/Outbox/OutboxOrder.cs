using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Data.Outbox;

/// <summary>
/// Keeps the outbox's sequence in commit order. The dispatcher reads "everything after the last sequence
/// handled", so an event must never commit after one with a higher sequence: it would be skipped. SQLite lets
/// one writer in at a time, so ids grow in commit order by themselves. On PostgreSQL, ids from an identity
/// column are handed out at insert and transactions commit in any order, so writers of events take a
/// transaction-level advisory lock before their insert and hold it to their commit or rollback. It is taken at
/// the very end of a save, after the change's own rows, so it is held only for the insert and the commit.
/// </summary>
public static class OutboxOrder
{
    private const long OutboxLockKey = 0x4F_75_74_62_6F_78; // "Outbox"

    public static async Task TakeAsync(DigibankDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({OutboxLockKey})", cancellationToken);
        }
    }
}
