using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Digibank.Api.Data;

/// <summary>
/// One prepared INSERT of an entity type whose table, columns and value conversions all come from EF Core's model,
/// so a bulk path writes a row exactly as <c>SaveChanges</c> would, and a property added to the entity is written
/// without anyone remembering to. For paths where EF's one statement per entity is too slow, such as a partner's
/// 100,000 offers; it runs in the caller's transaction.
/// </summary>
public sealed class PreparedInsert
{
    private readonly DbCommand _command;
    private readonly IReadOnlyList<Column> _columns;
    private readonly bool _returnsKey;

    private PreparedInsert(DbCommand command, IReadOnlyList<Column> columns, bool returnsKey) =>
        (_command, _columns, _returnsKey) = (command, columns, returnsKey);

    public static async Task<PreparedInsert> PrepareAsync(DbContext db, IEntityType entityType, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException($"Rows of {entityType.DisplayName()} are inserted inside the caller's transaction.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var generatedKey = entityType.FindPrimaryKey()!.Properties.Where(property => property.ValueGenerated == ValueGenerated.OnAdd).ToList();
        var written = entityType.GetProperties().Where(property => !generatedKey.Contains(property) && property.GetColumnName(table) is not null).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();

        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        var columns = written.Select((property, index) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"$p{index}";
            command.Parameters.Add(parameter);
            return new Column(property.GetGetter(), property.GetTypeMapping().Converter, parameter);
        }).ToList();
        var returning = generatedKey.Count == 1 ? $" RETURNING {sql.DelimitIdentifier(generatedKey[0].GetColumnName(table)!)}" : string.Empty;
        command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", written.Select(property => sql.DelimitIdentifier(property.GetColumnName(table)!)))}) "
            + $"VALUES ({string.Join(", ", columns.Select(column => column.Parameter.ParameterName))}){returning};";
        await command.PrepareAsync(cancellationToken);
        return new PreparedInsert(command, columns, returning.Length > 0);
    }

    /// <summary>Inserts <paramref name="entity"/> (an entity, or a property bag for a join table); returns the generated key, if the table has one.</summary>
    public async Task<object?> InsertAsync(object entity, CancellationToken cancellationToken)
    {
        foreach (var (getter, converter, parameter) in _columns)
        {
            var value = getter.GetClrValue(entity);
            // The model's converter: enums by name, UTC times, lists as JSON, as SaveChanges stores them.
            parameter.Value = (converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
        }

        return _returnsKey ? await _command.ExecuteScalarAsync(cancellationToken) : await _command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed record Column(IClrPropertyGetter Getter, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter, DbParameter Parameter);
}
