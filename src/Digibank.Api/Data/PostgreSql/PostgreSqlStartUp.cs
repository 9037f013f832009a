using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Data.PostgreSql;

/// <summary>Start-up on PostgreSQL: one instance at a time migrates and seeds.</summary>
public static class PostgreSqlStartUp
{
    // Any fixed number of our own: instances agree on it, and nothing else on the server uses it.
    private const long StartUpLockKey = 0x44_69_67_69_62_61_6E_6B; // "Digibank"

    /// <summary>
    /// Waits for the session-level advisory lock of start-up on a connection of its own, held until the
    /// result is disposed (or the connection drops, which releases it too).
    /// </summary>
    public static async Task<IAsyncDisposable> TakeTurnAsync(DigibankDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var lockConnection = (DbConnection)((ICloneable)connection).Clone();
        await lockConnection.OpenAsync(cancellationToken);
        await ExecuteAsync(lockConnection, $"SELECT pg_advisory_lock({StartUpLockKey})", cancellationToken);
        return new Turn(lockConnection);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed class Turn(DbConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (connection.State == ConnectionState.Open)
            {
                await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({StartUpLockKey})", CancellationToken.None);
            }

            await connection.DisposeAsync();
        }
    }
}
