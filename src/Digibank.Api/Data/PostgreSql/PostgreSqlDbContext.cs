using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Data.PostgreSql;

/// <summary>
/// The same model as <see cref="DigibankDbContext"/>, for PostgreSQL's own set of migrations (EF Core keeps one
/// set per provider). Only applying migrations uses it; the API itself works with <see cref="DigibankDbContext"/>.
/// A migration is added with the API's own settings, so the tool builds the context as the API does:
/// <code>
/// dotnet ef migrations add Name --context PostgreSqlDbContext --output-dir Data/PostgreSql/Migrations \
///   -- --Storage:Provider PostgreSQL --ConnectionStrings:Digibank "Host=127.0.0.1;Database=digibank"
/// </code>
/// </summary>
public sealed class PostgreSqlDbContext(DbContextOptions<PostgreSqlDbContext> options) : DigibankDbContext(options);
