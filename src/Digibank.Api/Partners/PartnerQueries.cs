using Digibank.Api.Data.Outbox;
using Digibank.Api.GraphQL.DataLoading;
using Digibank.Api.GraphQL.Paging;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.GraphQL.Sorting;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;

namespace Digibank.Api.Partners;

public static class PartnerQueries
{
    public static IServiceCollection AddPartners(this IServiceCollection services) =>
        services
            .AddNodeSource(PartnerType.TypeName, db => db.Partners)
            .AddDomainEventSource<SyncRunEvents>();

    public static void AddPartnerQueries(this ObjectGraphType query) =>
        query.ConnectionField<PartnerType, Partner, PartnerFilterInputType, PartnerSortInputType>(
                "partners",
                db => db.Partners,
                new SortStep<Partner>((Partner p) => p.Name, SortDirection.Asc))
            .Description("The organisations of the Digibank network.");

    public static IDataLoaderResult<Partner?> LoadPartner(this IResolveFieldContext context, int id) =>
        context.LoadByKey<int, Partner>(nameof(LoadPartner), id, (db, ids) => db.Partners.Where(p => ids.Contains(p.Id)), p => p.Id);

    /// <summary>The partner already read with its row (a projection joined it in), as it is, or else batch-loaded: a joined row wrapped in a data loader result would wait for a second pass over the level.</summary>
    public static object? LoadPartner(this IResolveFieldContext context, Partner? joined, int id) =>
        joined ?? (object)context.LoadPartner(id);
}
