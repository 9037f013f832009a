using Digibank.Api.GraphQL.DataLoading;
using GraphQL;
using GraphQL.DataLoader;

namespace Digibank.Api.Partners;

public static class SyncRunDataLoaders
{
    public const int RecentRuns = 10;

    /// <summary>The latest runs of each partner on the page, newest first, in one query.</summary>
    public static IDataLoaderResult<IReadOnlyList<SyncRun>> LoadRecentSyncRuns(this IResolveFieldContext context, int partnerId) =>
        context.LoadGroup<int, SyncRun>(
                nameof(LoadRecentSyncRuns),
                partnerId,
                (db, ids) => db.SyncRuns.Where(r => ids.Contains(r.PartnerId)
                    && db.Set<SyncRun>().Count(newer => newer.PartnerId == r.PartnerId && newer.Id > r.Id) < RecentRuns),
                r => r.PartnerId)
            .Then(runs => (IReadOnlyList<SyncRun>)[.. runs.OrderByDescending(r => r.Id)]);
}
