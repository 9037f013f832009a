namespace Digibank.Api.Data;

/// <summary>
/// Rows a store starts with (the demo region), written at start-up once the migrations are applied; on PostgreSQL by the
/// instance whose turn it is, so instances starting together never write them twice.
/// </summary>
public interface IStoreSeed
{
    Task SeedAsync(DigibankDbContext db);
}
