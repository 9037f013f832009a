using Digibank.Api.GraphQL.DataLoading;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Staff;
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
            .Description("Withdrawals of the partner's last snapshot that wait for a coordinator's confirmation in the caller's region. " +
                "Only for staff of a region; null for others, and when nothing waits there.")
            .Resolve(context => context.Staff() is { RegionId: { } region } ? context.LoadWithdrawalHold(context.Source.Id, region) : null);
        Reads("heldWithdrawal");
    }
}
