using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Digibank.Api.Data.RowSecurity;

/// <summary>
/// Hands the flow's <see cref="RegionScope"/> to PostgreSQL as the session settings <c>digibank.region</c> and
/// <c>digibank.bypass</c> that the row-level security policies read: when the context opens its connection, and again
/// before a command whenever the scope changed since (a resident's mutation that entered its place's region, a retried
/// event run under the outbox's bypass inside a coordinator's transaction).
/// <para>
/// Per connection, not per transaction: EF Core reads outside a transaction too, opening and closing the connection
/// around each query, and every one of those must carry the scope. Session settings (<c>set_config(…, false)</c>) set
/// on open cover both, as a transaction begins on an open connection. Both settings are written on every open, empty
/// without a scope, so nothing of the connection's previous use survives; Npgsql's reset of a connection returned to
/// its pool (<c>DISCARD ALL</c>) clears them as well, for the connections opened outside EF Core (the leases, the
/// start-up lock), which never read personal tables. It costs one short statement per open; registered only on PostgreSQL.
/// </para>
/// </summary>
public sealed class RegionScopeInterceptor : IDbConnectionInterceptor, IDbCommandInterceptor
{
    public static RegionScopeInterceptor Instance { get; } = new();

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        Apply(connection, null, eventData.Context as DigibankDbContext, force: true);

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
        ApplyAsync(connection, null, eventData.Context as DigibankDbContext, force: true, cancellationToken);

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Apply(command.Connection!, command.Transaction, eventData.Context as DigibankDbContext, force: false);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await ApplyAsync(command.Connection!, command.Transaction, eventData.Context as DigibankDbContext, force: false, cancellationToken);
        return result;
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Apply(command.Connection!, command.Transaction, eventData.Context as DigibankDbContext, force: false);
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await ApplyAsync(command.Connection!, command.Transaction, eventData.Context as DigibankDbContext, force: false, cancellationToken);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Apply(command.Connection!, command.Transaction, eventData.Context as DigibankDbContext, force: false);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await ApplyAsync(command.Connection!, command.Transaction, eventData.Context as DigibankDbContext, force: false, cancellationToken);
        return result;
    }

    /// <summary>The scope a context works in: the flow's, narrowed to the region the context entered, if any.</summary>
    internal static RegionScope? ScopeOf(DigibankDbContext? db) => db?.EnteredRegionId is { } regionId
        ? RegionScope.Current?.WithRegion(regionId) ?? RegionScope.OfRegion(regionId)
        : RegionScope.Current;

    private static void Apply(DbConnection connection, DbTransaction? transaction, DigibankDbContext? db, bool force)
    {
        if (Settings(db, force) is { } settings)
        {
            using var command = SettingsCommand(connection, transaction, settings);
            command.ExecuteNonQuery();
        }
    }

    private static async Task ApplyAsync(DbConnection connection, DbTransaction? transaction, DigibankDbContext? db, bool force, CancellationToken cancellationToken)
    {
        if (Settings(db, force) is { } settings)
        {
            await using var command = SettingsCommand(connection, transaction, settings);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The settings to write now, or null when the connection has them already.</summary>
    private static (string Region, string Bypass)? Settings(DigibankDbContext? db, bool force)
    {
        var scope = ScopeOf(db);
        var settings = (scope?.RegionId?.ToString(CultureInfo.InvariantCulture) ?? "", scope?.BypassName ?? "");
        if (db is not null)
        {
            if (!force && db.AppliedScope == settings)
            {
                return null;
            }

            db.AppliedScope = settings;
        }

        return settings;
    }

    private static DbCommand SettingsCommand(DbConnection connection, DbTransaction? transaction, (string Region, string Bypass) settings)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT set_config('digibank.region', @region, false), set_config('digibank.bypass', @bypass, false)";
        Add(command, "region", settings.Region);
        Add(command, "bypass", settings.Bypass);
        return command;
    }

    private static void Add(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
