namespace Digibank.Api.Data;

public enum StorageProvider
{
    /// <summary>One file beside the API: one region, one process. The default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: several API instances behind a load balancer.</summary>
    PostgreSql,
}
