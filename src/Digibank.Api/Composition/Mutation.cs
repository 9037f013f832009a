using Digibank.Api.Accounts;
using Digibank.Api.Courses;
using Digibank.Api.Devices;
using Digibank.Api.Finder;
using Digibank.Api.HelpPoints;
using Digibank.Api.HelpRequests;
using Digibank.Api.Notifications;
using Digibank.Api.Observability;
using Digibank.Api.Partners;
using Digibank.Api.Privacy;
using Digibank.Api.Regions;
using Digibank.Api.Sync;
using GraphQL.Types;

namespace Digibank.Api.Composition;

/// <summary>The root mutation: each feature adds its own fields, each with one input and one payload.</summary>
public sealed class Mutation : ObjectGraphType
{
    public Mutation()
    {
        Name = "Mutation";
        this.AddSignUpMutations();
        this.AddSessionMutations();
        this.AddLendingMutations();
        this.AddHelpRequestMutations();
        this.AddCallListMutations();
        this.AddSetAsideEventMutations();
        this.AddTopicWordMutations();
        this.AddClosureMutations();
        this.AddParticipantMutations();
        this.AddPartnerMutations();
        this.AddTrustedDocumentMutations();
        this.AddRegionMutations();
        this.AddStaffAccountMutations();
    }
}
