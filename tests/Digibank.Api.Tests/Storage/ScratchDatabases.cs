using Npgsql;

namespace Digibank.Api.Testing;

/// <summary>
/// A PostgreSQL database of its own for one test class or one benchmark run, made through a role that may create
/// databases and dropped afterwards, whoever is still connected.
/// </summary>
public static class ScratchDatabases
{
    /// <summary>Creates a fresh database; its connection string.</summary>
    public static async Task<string> CreateAsync(string adminConnectionString, string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        await using var admin = new NpgsqlConnection(adminConnectionString);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// Drops the database, ending whatever is still connected to it. An autovacuum worker belongs to no role the
    /// test role may signal unless it holds pg_signal_backend; such a worker ends within moments, so the drop is
    /// tried again a few times before it fails.
    /// </summary>
    public static void Drop(string adminConnectionString, string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using var admin = new NpgsqlConnection(adminConnectionString);
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                drop.ExecuteNonQuery();
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse
                                              && attempt < MaxDropAttempts)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }
    }

    private const int MaxDropAttempts = 8;
}
