using Digibank.Api.Testing;
using Microsoft.Data.Sqlite;

namespace Digibank.Bench;

/// <summary>
/// The database of one benchmark run: a temporary SQLite file, or with <c>--postgresql "&lt;connection string of a
/// role that may create databases&gt;"</c> a fresh PostgreSQL database, dropped afterwards.
/// </summary>
public sealed class BenchStore : IAsyncDisposable
{
    private readonly string? _sqliteFile;
    private readonly string? _adminConnectionString;
    private readonly string? _postgreSqlConnectionString;

    private BenchStore(IReadOnlyDictionary<string, string> settings, string? sqliteFile, string? adminConnectionString, string? postgreSqlConnectionString) =>
        (Settings, _sqliteFile, _adminConnectionString, _postgreSqlConnectionString) = (settings, sqliteFile, adminConnectionString, postgreSqlConnectionString);

    /// <summary>The API's settings for this store.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    public string Name => _postgreSqlConnectionString is null ? "SQLite" : "PostgreSQL";

    public static async Task<BenchStore> CreateAsync(BenchOptions options)
    {
        if (options.PostgreSql is not { } admin)
        {
            var file = Path.Combine(Path.GetTempPath(), $"digibank-bench-{Guid.NewGuid():N}.db");
            return new BenchStore(new Dictionary<string, string> { ["ConnectionStrings:Digibank"] = $"Data Source={file}" }, file, null, null);
        }

        var connectionString = await ScratchDatabases.CreateAsync(admin, "digibank_bench");
        var settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Digibank"] = connectionString,
        };
        return new BenchStore(settings, null, admin, connectionString);
    }

    public ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
                File.Delete(file);
        }
        else
        {
            ScratchDatabases.Drop(_adminConnectionString!, _postgreSqlConnectionString!);
        }

        return ValueTask.CompletedTask;
    }
}
