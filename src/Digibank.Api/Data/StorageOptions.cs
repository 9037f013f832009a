namespace Digibank.Api.Data;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>--Storage:Provider PostgreSQL</c> with <c>--ConnectionStrings:Digibank "Host=…;Database=…"</c>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;
}
