using Digibank.Api.GraphQL.DataLoading;
using Digibank.Api.Staff;
using GraphQL.Types;

namespace Digibank.Api.Partners;

public sealed class SyncRunType : ObjectGraphType<SyncRun>
{
    public SyncRunType()
    {
        Name = "SyncRun";
        Description = "One run of a partner's plug-in: when, how it went, and what it changed.";
        Field(r => r.PluginName);
        Field(r => r.StartedAt);
        Field(r => r.FinishedAt);
        Field(r => r.Outcome, type: typeof(NonNullGraphType<EnumerationGraphType<SyncOutcome>>));
        Field<StringGraphType>("error")
            .Description("Why the run failed. Only for staff of a region the partner publishes in; null for others.")
            .Resolve(context => context.Staff() is { RegionId: { } region }
                ? context.LoadPublishesIn(context.Source.PartnerId, region).Then(publishes => publishes ? context.Source.Error : null)
                : null);
        Field(r => r.OffersCreated);
        Field(r => r.OffersUpdated);
        Field(r => r.OffersUnchanged);
        Field(r => r.OffersWithdrawn);
        Field(r => r.OffersRejected);
        Field(r => r.SignUpsReceived).Description("Sign-ups the partner took, sent to the platform.");
        Field(r => r.SignUpChangesDelivered).Description("Sign-ups made on the platform, delivered to the partner.");
    }
}
