using Digibank.Api.GraphQL.DataLoading;
using GraphQL;
using GraphQL.DataLoader;

namespace Digibank.Api.Partners;

public static class WithdrawalHoldDataLoaders
{
    /// <summary>The pending hold of each partner on the page, in one query.</summary>
    public static IDataLoaderResult<WithdrawalHold?> LoadWithdrawalHold(this IResolveFieldContext context, int partnerId) =>
        context.LoadByKey<int, WithdrawalHold>(nameof(LoadWithdrawalHold), partnerId, (db, ids) => db.WithdrawalHolds.Where(h => ids.Contains(h.PartnerId)), h => h.PartnerId);
}
