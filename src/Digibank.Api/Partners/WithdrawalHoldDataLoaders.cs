using Digibank.Api.GraphQL.DataLoading;
using GraphQL;
using GraphQL.DataLoader;

namespace Digibank.Api.Partners;

public static class WithdrawalHoldDataLoaders
{
    /// <summary>The pending hold in <paramref name="regionId"/> of each partner on the page, in one query.</summary>
    public static IDataLoaderResult<WithdrawalHold?> LoadWithdrawalHold(this IResolveFieldContext context, int partnerId, int regionId) =>
        context.LoadByKey<int, WithdrawalHold>(
            $"{nameof(LoadWithdrawalHold)}:{regionId}", partnerId, (db, ids) => db.WithdrawalHolds.Where(h => h.RegionId == regionId && ids.Contains(h.PartnerId)), h => h.PartnerId);

    /// <summary>Whether each partner on the page may publish in <paramref name="regionId"/>, in one query.</summary>
    public static IDataLoaderResult<bool> LoadPublishesIn(this IResolveFieldContext context, int partnerId, int regionId) =>
        context.LoadByKey<int, PartnerRegion>(
            $"{nameof(LoadPublishesIn)}:{regionId}", partnerId, (db, ids) => db.PartnerRegions.Where(r => r.RegionId == regionId && ids.Contains(r.PartnerId)), r => r.PartnerId)
            .Then(found => found is not null);
}
