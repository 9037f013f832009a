using System.Linq.Expressions;
using Digibank.Api.Data;
using Digibank.Api.GraphQL.Filtering;
using Digibank.Api.GraphQL.Limits;
using Digibank.Api.GraphQL.Projection;
using Digibank.Api.GraphQL.Sorting;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.GraphQL.Paging;

public static class ConnectionFieldExtensions
{
    /// <summary>
    /// Adds a Relay connection field with <c>first/after/last/before</c>, <c>where</c> and <c>order</c>,
    /// all translated into one SQL query over <paramref name="source"/>.
    /// </summary>
    public static FieldBuilder<object?, Connection<TEntity>> ConnectionField<TNodeType, TEntity, TFilterType, TSortType>(
        this ObjectGraphType parent,
        string name,
        Func<DigibankDbContext, IQueryable<TEntity>> source,
        params SortStep<TEntity>[] defaultOrder)
        where TNodeType : IGraphType
        where TEntity : class, IEntity
        where TFilterType : FilterInputType<TEntity>
        where TSortType : SortInputType<TEntity> =>
        parent.ConnectionField<TNodeType, TEntity, TFilterType, TSortType>(name, source, narrowing: null, defaultOrder);

    /// <summary>
    /// As above, with arguments of the field's own beside <c>where</c> (a region, a distance): <paramref name="narrowing"/>
    /// reads them, once per request, and gives the condition they add in SQL, or null when the request names none.
    /// </summary>
    public static FieldBuilder<object?, Connection<TEntity>> ConnectionField<TNodeType, TEntity, TFilterType, TSortType>(
        this ObjectGraphType parent,
        string name,
        Func<DigibankDbContext, IQueryable<TEntity>> source,
        Func<IResolveFieldContext, ValueTask<Expression<Func<TEntity, bool>>?>>? narrowing,
        params SortStep<TEntity>[] defaultOrder)
        where TNodeType : IGraphType
        where TEntity : class, IEntity
        where TFilterType : FilterInputType<TEntity>
        where TSortType : SortInputType<TEntity>
    {
        return parent.PagedQueryField<TNodeType, TEntity>(name, async context =>
            {
                var narrowed = narrowing is null ? null : await narrowing(context);
                var filter = context.GetArgument<Filter<TEntity>?>("where");
                var sortSteps = context.GetArgument<List<object>?>("order");
                var order = (sortSteps ?? [])
                    .SelectMany(step => (IEnumerable<SortStep<TEntity>>)step)
                    .Concat(defaultOrder)
                    .ToList();
                var projection = Projector.ForConnection<TEntity>(context, context.Schema.AllTypes[typeof(TNodeType).GraphQLName()]!);
                Func<DigibankDbContext, IQueryable<TEntity>> rows = db =>
                {
                    var scoped = narrowed is null ? source(db) : source(db).Where(narrowed);
                    var ordered = (filter is null ? scoped : scoped.Where(filter.ToPredicate())).OrderBySteps(order);
                    return projection is null ? ordered : ordered.Select(projection);
                };
                return filter is null && sortSteps is null && narrowed is null ? PageQuery<TEntity>.FixedBy(context.FieldAst, rows) : PageQuery<TEntity>.Of(rows);
            })
            .Argument<TFilterType>("where", "Only items matching these conditions.", argument => argument.Validator = FilterSize.EnsureWithinLimits)
            .Argument<ListGraphType<NonNullGraphType<TSortType>>>("order", "Sort order, first entry first; ties keep the default order.");
    }

    /// <summary>
    /// Adds a Relay connection field with <c>first/after/last/before</c>. <paramref name="scope"/> reads the
    /// arguments and checks the caller once, then gives the ordered rows for the page and for <c>totalCount</c>.
    /// </summary>
    public static FieldBuilder<object?, Connection<TEntity>> PagedField<TNodeType, TEntity>(
        this ObjectGraphType parent,
        string name,
        Func<IResolveFieldContext, Func<DigibankDbContext, IQueryable<TEntity>>> scope)
        where TNodeType : IGraphType =>
        parent.PagedQueryField<TNodeType, TEntity>(name, context => ValueTask.FromResult(PageQuery<TEntity>.Of(scope(context))));

    private static FieldBuilder<object?, Connection<TEntity>> PagedQueryField<TNodeType, TEntity>(
        this ObjectGraphType parent,
        string name,
        Func<IResolveFieldContext, ValueTask<PageQuery<TEntity>>> scope)
        where TNodeType : IGraphType =>
        parent.Field<NonNullGraphType<ConnectionGraphType<TNodeType, TEntity>>, Connection<TEntity>>(name)
            .Argument<IntGraphType>("first", $"Returns the first n items (at most {Pager.MaxPageSize}; {Pager.DefaultPageSize} when no size is given).")
            .Argument<StringGraphType>("after", "Returns the items after this cursor.")
            .Argument<IntGraphType>("last", $"Returns the last n items (at most {Pager.MaxPageSize}).")
            .Argument<StringGraphType>("before", "Returns the items before this cursor.")
            .WithComplexityImpact(QueryLimits.PageImpact)
            .ResolveAsync(async context =>
            {
                SqlStatementBudget.EnsureRoom();
                var rows = await scope(context);
                var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<DigibankDbContext>>();
                await using var db = await factory.CreateDbContextAsync(context.CancellationToken);
                return await Pager.PageAsync(
                    new PagingArguments(
                        context.GetArgument<int?>("first"),
                        context.GetArgument<string?>("after"),
                        context.GetArgument<int?>("last"),
                        context.GetArgument<string?>("before")),
                    (skip, take, cancellationToken) => rows.PageAsync(db, skip, take, cancellationToken),
                    async cancellationToken =>
                    {
                        await using var countDb = await factory.CreateDbContextAsync(cancellationToken);
                        return await rows.Rows(countDb).CountAsync(cancellationToken);
                    },
                    context.CancellationToken);
            });
}
