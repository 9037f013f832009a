namespace Digibank.Api.Data;

public enum StorageProvider
{
    /// <summary>One file beside the API: one region, one process. The default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: several API instances behind a load balancer.</summary>
    PostgreSql,
}

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>--Storage:Provider PostgreSQL</c> with <c>--ConnectionStrings:Digibank "Host=…;Database=…"</c>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;
}
