using Digibank.Api.Data.Outbox;
using Digibank.Api.GraphQL.DataLoading;
using Digibank.Api.GraphQL.Filtering;
using Digibank.Api.GraphQL.Paging;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.GraphQL.Sorting;
using Digibank.Api.Staff;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;

namespace Digibank.Api.Partners;

public sealed class PartnerType : NodeGraphType<Partner>
{
    public const string TypeName = "Partner";

    public PartnerType()
        : base(TypeName, "An organisation that runs courses or help in the region, such as LIGO, VDAB or a library.")
    {
        Field(p => p.Code).Description("Short stable code, e.g. `ligo` or `bib-poperinge`.");
        Field(p => p.Name);
        Field(p => p.Kind, type: typeof(NonNullGraphType<EnumerationGraphType<PartnerKind>>));
        Field(p => p.Description, nullable: true);
        Field(p => p.Website, nullable: true);
        Field(p => p.ContactEmail, nullable: true).Description("The organisation's public address for questions.");
        Field(p => p.ContactPhone, nullable: true).Description("The organisation's public phone number.");
        Field<SyncRunType>("lastSync")
            .Description("The latest run of the partner's plug-in, if it has one.")
            .Resolve(context => context.LoadRecentSyncRuns(context.Source.Id).Then(runs => runs.FirstOrDefault()));
        Reads("lastSync");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SyncRunType>>>>("recentSyncs")
            .Description($"The latest {SyncRunDataLoaders.RecentRuns} runs of the partner's plug-in, newest first.")
            .Resolve(context => context.LoadRecentSyncRuns(context.Source.Id));
        Reads("recentSyncs");
        Field<HeldWithdrawalType>("heldWithdrawal")
            .Description("Withdrawals of the partner's last snapshot that wait for a coordinator's confirmation. Only for staff; null for others, and when nothing waits.")
            .Resolve(context => context.Staff() is null ? null : context.LoadWithdrawalHold(context.Source.Id));
        Reads("heldWithdrawal");
    }
}

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

public sealed class PartnerFilterInputType : FilterInputType<Partner>
{
    public PartnerFilterInputType()
        : base("PartnerFilterInput", "Conditions on a partner.")
    {
        Id("id", p => p.Id, PartnerType.TypeName);
        Text("code", p => p.Code);
        Text("name", p => p.Name, p => p.NameKey);
        Enum("kind", p => p.Kind);
    }
}

public sealed class PartnerSortInputType : SortInputType<Partner>
{
    public PartnerSortInputType()
        : base("PartnerSortInput", "Sort order for partners.")
    {
        By("code", p => p.Code);
        By("name", p => p.Name);
        By("kind", p => p.Kind);
    }
}
