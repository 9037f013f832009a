using System.Data.Common;
using GraphQL;
using GraphQL.DI;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Digibank.Api.GraphQL.Limits;

/// <summary>
/// Counts the SQL statements one GraphQL request sends and stops the request at the next field that
/// would query again once <see cref="QueryLimits.MaxSqlStatements"/> have run. Static analysis alone
/// cannot see every cost (aliases, fragments, variables), so the real count is the last word.
/// </summary>
public sealed class SqlStatementBudget : DbCommandInterceptor, IConfigureExecution
{
    private static readonly AsyncLocal<Counter?> Current = new();

    public float SortOrder => 100;

    // Set inside an async method, the counter flows into the execution and is gone again when it returns.
    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        Current.Value = new Counter();
        return await next(options);
    }

    /// <summary>
    /// Called by every resolver that is about to query (pages, counts, batches). Throws a field error,
    /// which the client sees with its code and the server does not log as a failure.
    /// </summary>
    public static void EnsureRoom()
    {
        if (Current.Value is { } counter && counter.Count >= QueryLimits.MaxSqlStatements)
        {
            throw new ExecutionError(
                $"This request needs more than {QueryLimits.MaxSqlStatements} database queries. Ask for fewer lists, counts or aliases per request.")
            {
                Code = ErrorCodes.QueryTooExpensive,
            };
        }
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count();
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count();
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count();
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private static void Count()
    {
        if (Current.Value is { } counter)
        {
            Interlocked.Increment(ref counter.Count);
        }
    }

    private sealed class Counter
    {
        public int Count;
    }
}
