using Digibank.Api.Partners;
using Digibank.Api.GraphQL;
using Digibank.Api.GraphQL.Mutations;
using Digibank.Api.Sync;
using Digibank.Api.Staff;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Sync;

public static class PartnerMutations
{
    public static void AddPartnerMutations(this ObjectGraphType mutation) =>
        mutation.MutationField<ConfirmPartnerWithdrawalInputType, ConfirmPartnerWithdrawalInput, ConfirmPartnerWithdrawalPayloadType, ConfirmPartnerWithdrawalPayload>(
            "confirmPartnerWithdrawal",
            "Withdraws the courses a partner's snapshot would have withdrawn and that were held because they are most of its offer (the coordinator only). " +
            "Courses withdrawn since are skipped; the hold is cleared.",
            ConfirmWithdrawalAsync);

    private static Task<ConfirmPartnerWithdrawalPayload> ConfirmWithdrawalAsync(IResolveFieldContext context, ConfirmPartnerWithdrawalInput input)
    {
        var staff = context.RequireStaff();
        var now = context.UtcNow();
        var rules = new InputRules();
        var partnerId = rules.Id(nameof(input.PartnerId), PartnerType.TypeName, input.PartnerId);
        if (!staff.IsCoordinator)
        {
            rules.Add(new NotAllowedError("Only the regional coordinator confirms a partner's withdrawal."));
        }

        if (rules.Failed)
        {
            return Task.FromResult(new ConfirmPartnerWithdrawalPayload(null, null, rules.Errors));
        }

        return MutationTransaction.RunAsync(context, async (db, cancellationToken) =>
        {
            var partner = await db.Partners.SingleOrDefaultAsync(p => p.Id == partnerId, cancellationToken);
            if (partner is null)
            {
                return new ConfirmPartnerWithdrawalPayload(null, null, [new NotFoundError("There is no such partner.")]);
            }

            var withdrawn = await new WithdrawalHolds(db, partner.Id, now).ConfirmAsync(cancellationToken);
            return withdrawn is null
                ? new ConfirmPartnerWithdrawalPayload(null, null, [new NoHeldWithdrawalError($"No withdrawal of {partner.Name} waits for confirmation.")])
                : new ConfirmPartnerWithdrawalPayload(partner, withdrawn, []);
        });
    }
}

public sealed record NoHeldWithdrawalError(string Message) : UserError(Message)
{
    public override string Code => "NO_HELD_WITHDRAWAL";
}

public sealed class NoHeldWithdrawalErrorType : UserErrorType<NoHeldWithdrawalError>
{
    public NoHeldWithdrawalErrorType() => Description = "Nothing of this partner waits for confirmation: confirmed already, or cleared by a later snapshot.";
}

public sealed class ConfirmPartnerWithdrawalInput
{
    public string PartnerId { get; set; } = string.Empty;
}

public sealed class ConfirmPartnerWithdrawalInputType : InputObjectGraphType<ConfirmPartnerWithdrawalInput>
{
    public ConfirmPartnerWithdrawalInputType()
    {
        Name = "ConfirmPartnerWithdrawalInput";
        Field<NonNullGraphType<IdGraphType>>("partnerId");
    }
}

public sealed record ConfirmPartnerWithdrawalPayload(Partner? Partner, int? Withdrawn, IReadOnlyList<UserError> Errors) : IPayload;

public sealed class ConfirmPartnerWithdrawalPayloadType : PayloadGraphType<ConfirmPartnerWithdrawalPayload>
{
    public ConfirmPartnerWithdrawalPayloadType()
        : base("ConfirmPartnerWithdrawal", "The partner, and how many of its courses were withdrawn.", typeof(NoHeldWithdrawalErrorType))
    {
        Field<PartnerType>("partner").Resolve(context => context.Source.Partner);
        Field<IntGraphType>("withdrawn").Description("Courses taken out of the catalogue.").Resolve(context => context.Source.Withdrawn);
    }
}
