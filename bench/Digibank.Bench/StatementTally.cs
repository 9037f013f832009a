using System.Data.Common;
using Digibank.Api.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Digibank.Bench;

/// <summary>
/// Counts the SQL statements the API sends for requests (the background services' work left out, as the tests'
/// counter does): reset it, send one request, read it.
/// </summary>
internal sealed class StatementTally : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Tally();
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Tally();
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Tally();
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Tally();
        return base.ReaderExecuting(command, eventData, result);
    }

    private void Tally()
    {
        if (!BackgroundWork.IsRunning)
        {
            Interlocked.Increment(ref _count);
        }
    }
}
