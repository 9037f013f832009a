using Digibank.Api.Partners;
using Digibank.Api.GraphQL.Mutations;
using Digibank.Api.Staff;
using GraphQL.Types;

namespace Digibank.Api.Sync;

public static class PartnerMutations
{
    public static void AddPartnerMutations(this ObjectGraphType mutation) =>
        mutation.StaffMutation<ConfirmPartnerWithdrawalInput, ConfirmPartnerWithdrawalPayload>("confirmPartnerWithdrawal", ConfirmWithdrawalAsync,
            "Withdraws the courses a partner's snapshot would have withdrawn and that were held because they are most of its offer (the coordinator only). " +
            "Courses withdrawn since are skipped; the hold is cleared.",
            payload: "The partner, and how many of its courses were withdrawn.",
            typeof(NoHeldWithdrawalError));

    private static async Task<Result<ConfirmPartnerWithdrawalPayload>> ConfirmWithdrawalAsync(MutationCall<ConfirmPartnerWithdrawalInput> call, StaffUser staff)
    {
        var (input, now, cancellationToken) = call;
        var partnerId = call.Rules.Id(nameof(input.PartnerId), PartnerType.TypeName, input.PartnerId);
        var command = new ConfirmWithdrawal(partnerId, staff);
        // Not in the middle of an upload of the partner, which spans many transactions.
        await using var partnerTurn = call.Rules.Failed ? null : await call.Service<PartnerUploadLocks>().ForConfirmationAsync(command, cancellationToken);
        var confirmed = await WithdrawalHolds.ConfirmAsync(await call.BeginAsync(), command, now, cancellationToken);
        return confirmed.Map(done => new ConfirmPartnerWithdrawalPayload(done.Partner, done.Withdrawn));
    }
}
