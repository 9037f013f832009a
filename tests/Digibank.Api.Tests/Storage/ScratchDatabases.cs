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

    public static void Drop(string adminConnectionString, string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using var admin = new NpgsqlConnection(adminConnectionString);
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        drop.ExecuteNonQuery();
    }
}
