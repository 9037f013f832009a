using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Digibank.Api.Data;

/// <summary>
/// SQLite overwrites what it deletes with zeros (<c>PRAGMA secure_delete</c>): an erased person's address must not stay
/// readable in the file's free pages. The setting belongs to each connection, so it is made once per connection SQLite
/// opens, not on every use of a pooled one.
/// </summary>
public sealed class SqliteSecureDelete : DbConnectionInterceptor
{
    public static readonly SqliteSecureDelete Instance = new();

    private readonly ConditionalWeakTable<object, object> _done = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => TurnOn(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TurnOn(connection);
        return Task.CompletedTask;
    }

    private void TurnOn(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite || _done.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = sqlite.CreateCommand();
        command.CommandText = "PRAGMA secure_delete = ON;";
        command.ExecuteNonQuery();
        _done.AddOrUpdate(handle, this);
    }
}
