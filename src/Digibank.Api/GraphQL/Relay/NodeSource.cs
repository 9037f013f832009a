using Digibank.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.GraphQL.Relay;

/// <summary>Where the objects of one node type are read from; features register one per public node type.</summary>
public sealed record NodeSource(string TypeName, Func<DigibankDbContext, IReadOnlyCollection<int>, CancellationToken, Task<IEntity[]>> LoadAsync)
{
    public static NodeSource For<T>(string typeName, Func<DigibankDbContext, IQueryable<T>> set)
        where T : class, IEntity =>
        new(typeName, async (db, ids, cancellationToken) =>
            await set(db).Where(entity => ids.Contains(entity.Id)).Cast<IEntity>().ToArrayAsync(cancellationToken));
}
