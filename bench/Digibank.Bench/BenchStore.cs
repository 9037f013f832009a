using Microsoft.Data.Sqlite;
using Npgsql;

namespace Digibank.Bench;

/// <summary>
/// The database of one benchmark run: a temporary SQLite file, or with <c>--postgresql "&lt;connection string of a
/// role that may create databases&gt;"</c> a fresh PostgreSQL database, dropped afterwards.
/// </summary>
public sealed class BenchStore : IAsyncDisposable
{
    private readonly string? _sqliteFile;
    private readonly string? _adminConnectionString;
    private readonly string? _postgreSqlDatabase;

    private BenchStore(IReadOnlyDictionary<string, string> settings, string? sqliteFile, string? adminConnectionString, string? postgreSqlDatabase) =>
        (Settings, _sqliteFile, _adminConnectionString, _postgreSqlDatabase) = (settings, sqliteFile, adminConnectionString, postgreSqlDatabase);

    /// <summary>The API's settings for this store.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    public string Name => _postgreSqlDatabase is null ? "SQLite" : "PostgreSQL";

    public static async Task<BenchStore> CreateAsync(BenchOptions options)
    {
        if (options.PostgreSql is not { } admin)
        {
            var file = Path.Combine(Path.GetTempPath(), $"digibank-bench-{Guid.NewGuid():N}.db");
            return new BenchStore(new Dictionary<string, string> { ["ConnectionStrings:Digibank"] = $"Data Source={file}" }, file, null, null);
        }

        var name = $"digibank_bench_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Digibank"] = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString,
        };
        return new BenchStore(settings, null, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
                File.Delete(file);
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgreSqlDatabase}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
