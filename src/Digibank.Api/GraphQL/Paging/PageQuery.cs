using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Digibank.Api.Data;
using GraphQLParser.AST;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.GraphQL.Paging;

/// <summary>
/// The ordered rows of one connection field, read one page at a time. When the document alone fixes the query
/// (no <c>where</c>, no <c>order</c>: a partner site's catalogue page), the query is compiled once per field of the
/// document and kept with it, so EF Core neither walks nor looks up the expression tree again on each request.
/// </summary>
public sealed class PageQuery<T>
{
    private static readonly ConditionalWeakTable<GraphQLField, Func<DigibankDbContext, int, int, IAsyncEnumerable<T>>> CompiledPages = new();

    private readonly Func<DigibankDbContext, IQueryable<T>> _rows;
    private readonly GraphQLField? _fixedBy;

    private PageQuery(Func<DigibankDbContext, IQueryable<T>> rows, GraphQLField? fixedBy) => (_rows, _fixedBy) = (rows, fixedBy);

    /// <summary>Rows that depend on the request: arguments, variables or the caller.</summary>
    public static PageQuery<T> Of(Func<DigibankDbContext, IQueryable<T>> rows) => new(rows, null);

    /// <summary>Rows that the field in the document fixes by itself, whatever the request's variables or caller.</summary>
    public static PageQuery<T> FixedBy(GraphQLField field, Func<DigibankDbContext, IQueryable<T>> rows) => new(rows, field);

    public IQueryable<T> Rows(DigibankDbContext db) => _rows(db);

    public Task<List<T>> PageAsync(DigibankDbContext db, int skip, int take, CancellationToken cancellationToken)
    {
        if (_fixedBy is null)
        {
            return _rows(db).Skip(skip).Take(take).ToListAsync(cancellationToken);
        }

        var page = CompiledPages.GetValue(_fixedBy, _ => Compile(_rows(db)));
        return page(db, skip, take).ToListAsync(cancellationToken).AsTask();
    }

    /// <summary>
    /// <c>(db, skip, take) =&gt; rows.Skip(skip).Take(take)</c>. The rows' expression starts at EF Core's query root
    /// for the entity, which holds no state of the context it was made with, so any context can run the result.
    /// </summary>
    private static Func<DigibankDbContext, int, int, IAsyncEnumerable<T>> Compile(IQueryable<T> rows)
    {
        var db = Expression.Parameter(typeof(DigibankDbContext), "db");
        var skip = Expression.Parameter(typeof(int), "skip");
        var take = Expression.Parameter(typeof(int), "take");
        var page = Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(T)],
            Expression.Call(typeof(Queryable), nameof(Queryable.Skip), [typeof(T)], rows.Expression, skip),
            take);
        return EF.CompileAsyncQuery(Expression.Lambda<Func<DigibankDbContext, int, int, IQueryable<T>>>(page, db, skip, take));
    }
}
