using GraphQL;

namespace Digibank.Api.Sync;

public sealed record ConfirmPartnerWithdrawalInput([property: Id] string PartnerId);
