using System.Data.Common;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
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

    /// <summary>
    /// Prepares the insert of <paramref name="entityType"/>'s rows on <paramref name="db"/>'s connection, inside its
    /// current transaction. <paramref name="returnKey"/>: whether the caller needs the generated key back, because a
    /// RETURNING clause makes every row cost a reader.
    /// </summary>
    public static async Task<PreparedInsert> PrepareAsync(DbContext db, IEntityType entityType, bool returnKey, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException($"Rows of {entityType.DisplayName()} are inserted inside the caller's transaction.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var generatedKey = entityType.FindPrimaryKey()!.Properties.Where(property => property.ValueGenerated == ValueGenerated.OnAdd).ToList();
        var written = entityType.GetProperties().Where(property => !generatedKey.Contains(property) && property.GetColumnName(table) is not null).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();

        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        // Each parameter is made by the column's type mapping, as SaveChanges makes it: PostgreSQL prepares a statement
        // only with every parameter's type known, and a value's CLR type alone would not say timestamptz or jsonb.
        var columns = written.Select((property, index) =>
        {
            var parameter = property.GetRelationalTypeMapping().CreateParameter(command, sql.GenerateParameterName($"p{index}"), null, property.IsNullable);
            command.Parameters.Add(parameter);
            return new Column(ProviderValue(property), parameter, sql.GenerateParameterNamePlaceholder($"p{index}"));
        }).ToList();
        var returning = returnKey && generatedKey.Count == 1 ? $" RETURNING {sql.DelimitIdentifier(generatedKey[0].GetColumnName(table)!)}" : string.Empty;
        command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", written.Select(property => sql.DelimitIdentifier(property.GetColumnName(table)!)))}) "
            + $"VALUES ({string.Join(", ", columns.Select(column => column.Placeholder))}){returning};";
        await command.PrepareAsync(cancellationToken);
        return new PreparedInsert(command, columns, returning.Length > 0);
    }

    /// <summary>Inserts <paramref name="entity"/> (an entity, or a property bag for a join table); returns the generated key, if the table has one.</summary>
    public async Task<object?> InsertAsync(object entity, CancellationToken cancellationToken)
    {
        foreach (var (value, parameter, _) in _columns)
            parameter.Value = value(entity) ?? DBNull.Value;

        return _returnsKey ? await _command.ExecuteScalarAsync(cancellationToken) : await _command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The property's value as the database stores it, through the model's converter (enums by name, UTC times,
    /// lists as JSON): compiled once, typed, so a row costs no more than hand-written code.
    /// </summary>
    private static Func<object, object?> ProviderValue(IProperty property)
    {
        var converter = property.GetTypeMapping().Converter;
        if (property.PropertyInfo is not { } member || property.IsShadowProperty() || property.IsIndexerProperty())
        {
            var getter = property.GetGetter();
            return converter is null ? getter.GetClrValue : entity => converter.ConvertToProvider(getter.GetClrValue(entity));
        }

        var entity = Expression.Parameter(typeof(object), "entity");
        Expression value = Expression.Property(Expression.Convert(entity, member.DeclaringType!), member);
        if (converter is not null)
        {
            var convert = converter.ConvertToProviderExpression;
            var input = value.Type == convert.Parameters[0].Type ? value : Expression.Convert(value, convert.Parameters[0].Type);
            var converted = ReplacingExpressionVisitor.Replace(convert.Parameters[0], input, convert.Body);
            // A null stays null: converters are written for values.
            value = member.PropertyType.IsValueType && Nullable.GetUnderlyingType(member.PropertyType) is null
                ? converted
                : Expression.Condition(
                    Expression.Equal(value, Expression.Constant(null, value.Type)),
                    Expression.Constant(null, typeof(object)),
                    Expression.Convert(converted, typeof(object)));
        }

        return Expression.Lambda<Func<object, object?>>(Expression.Convert(value, typeof(object)), entity).Compile();
    }

    private sealed record Column(Func<object, object?> Value, DbParameter Parameter, string Placeholder);
}
