using System.ComponentModel;
using Digibank.Api.Partners;
using Digibank.Api.GraphQL.Mutations;

namespace Digibank.Api.Sync;

public sealed record ConfirmPartnerWithdrawalPayload(
    Partner? Partner,
    [property: Description("Courses taken out of the catalogue.")] int? Withdrawn) : Payload;
