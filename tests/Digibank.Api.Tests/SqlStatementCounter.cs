using System.Data.Common;
using Digibank.Api.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Digibank.Api.Tests;

/// <summary>
/// Counts every SQL command the API sends for requests: the tests prove with it that a query's statements do not grow
/// with the page, and the benchmarks (which link this file) report them per request. The background services' work
/// (the outbox dispatcher, the message sender) is not a request's and is left out.
/// </summary>
public sealed class SqlStatementCounter : DbCommandInterceptor
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
