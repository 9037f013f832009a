using Digibank.Api.Data;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.GraphQL.Relay;

public static class NodeQueries
{
    public const int MaxIds = 100;

    public static IServiceCollection AddNodeSource<T>(this IServiceCollection services, string typeName, Func<DigibankDbContext, IQueryable<T>> set)
        where T : class, IEntity =>
        services.AddSingleton(NodeSource.For(typeName, set));

    public static void AddNodeFields(this ObjectGraphType query)
    {
        query.Field<NodeInterface>("node")
            .Description("Fetches an object given its id.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The id of the object.")
            .ResolveAsync(async context =>
                (await LoadAsync(context, [context.GetArgument<string>("id")]))[0]);

        query.Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes")
            .Description($"Fetches objects given their ids, in the same order; unknown ids give null. At most {MaxIds} ids.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", "The ids of the objects.")
            .ResolveAsync(async context =>
            {
                var ids = context.GetArgument<List<string>>("ids");
                if (ids.Count > MaxIds)
                {
                    throw new ExecutionError($"At most {MaxIds} ids can be fetched at once.") { Code = ErrorCodes.PageSizeTooLarge };
                }

                return await LoadAsync(context, ids);
            });
    }

    private static async Task<object?[]> LoadAsync(IResolveFieldContext context, IReadOnlyList<string> globalIds)
    {
        var sources = context.RequestServices!.GetServices<NodeSource>().ToDictionary(source => source.TypeName);
        var wanted = new (string Type, int Id)[globalIds.Count];
        for (var index = 0; index < globalIds.Count; index++)
        {
            if (!GlobalId.TryDecode(globalIds[index], out var typeName, out var id) || !sources.ContainsKey(typeName))
            {
                throw new ExecutionError($"'{globalIds[index]}' is not a valid id.") { Code = ErrorCodes.InvalidId };
            }

            wanted[index] = (typeName, id);
        }

        var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<DigibankDbContext>>();
        var found = new Dictionary<(string, int), IEntity>();
        foreach (var group in wanted.GroupBy(item => item.Type))
        {
            await using var db = await factory.CreateDbContextAsync(context.CancellationToken);
            var entities = await sources[group.Key].LoadAsync(db, group.Select(item => item.Id).Distinct().ToArray(), context.CancellationToken);
            foreach (var entity in entities)
            {
                found[(group.Key, entity.Id)] = entity;
            }
        }

        return [.. wanted.Select(item => found.GetValueOrDefault(item))];
    }
}
