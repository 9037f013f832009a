using System.ComponentModel;
using Digibank.Api.Partners;
using Digibank.Api.GraphQL;
using Digibank.Api.GraphQL.Mutations;
using Digibank.Api.Staff;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

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
        if (!staff.IsCoordinator)
        {
            call.Rules.Add(new NotAllowedError("Only the regional coordinator confirms a partner's withdrawal."));
        }

        var db = await call.BeginAsync();
        var partner = await db.Partners.SingleOrDefaultAsync(p => p.Id == partnerId, cancellationToken);
        if (partner is null)
        {
            return new NotFoundError("There is no such partner.");
        }

        var withdrawn = await new WithdrawalHolds(db, partner.Id, now).ConfirmAsync(cancellationToken);
        return withdrawn is null
            ? new NoHeldWithdrawalError($"No withdrawal of {partner.Name} waits for confirmation.")
            : new ConfirmPartnerWithdrawalPayload(partner, withdrawn);
    }
}

[Description("Nothing of this partner waits for confirmation: confirmed already, or cleared by a later snapshot.")]
public sealed record NoHeldWithdrawalError(string Message) : UserError(Message, "NO_HELD_WITHDRAWAL");

public sealed record ConfirmPartnerWithdrawalInput([property: Id] string PartnerId);

public sealed record ConfirmPartnerWithdrawalPayload(
    Partner? Partner,
    [property: Description("Courses taken out of the catalogue.")] int? Withdrawn) : Payload;
