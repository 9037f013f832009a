using Digibank.Api.GraphQL.Mutations;
using Digibank.Api.HelpPoints;
using Digibank.Api.HelpRequests;
using Digibank.Api.Staff;
using GraphQL.Types;

namespace Digibank.Api.Accounts;

/// <summary>The coordinator's hold on the region's accounts, through GraphQL; the counter's Medewerkers page calls the same <see cref="StaffAccounts"/>.</summary>
public static class AccountMutations
{
    public static void AddStaffAccountQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StaffAccountType>>>>("staffAccounts")
            .Description("The coordinator's view of the region's staff accounts: active ones first, by name.")
            .ResolveAsync(async context =>
                await context.RequestServices!.GetRequiredService<StaffAccounts>().ListAsync(context.RequireCoordinator(), context.CancellationToken));

    public static void AddStaffAccountMutations(this ObjectGraphType mutation)
    {
        mutation.StaffMutation<InviteStaffInput, InviteStaffPayload>("inviteStaff", InviteAsync,
            "The coordinator invites a person of the region: an e-mail with a one-time link, valid for 7 days, where they choose a password.",
            payload: "The new account, and whether the e-mail went out.",
            typeof(AccountExistsError));
        mutation.StaffMutation<InviteStaffAgainInput, InviteStaffPayload>("inviteStaffAgain", InviteAgainAsync,
            "Sends an open invitation again with a new link; the old link stops working.",
            payload: "The account, and whether the e-mail went out.");
        mutation.StaffMutation<ChangeStaffAccessInput, StaffAccount>("changeStaffAccess", ChangeAccessAsync,
            "Gives a colleague another role or other help points. Their sessions and tokens end at once: they sign in again.",
            payload: "The account as it is now.",
            typeof(OwnAccessError));
        mutation.StaffMutation<DeactivateStaffInput, StaffAccount>("deactivateStaff", DeactivateAsync,
            "Stops a colleague's account: they cannot sign in, and their open sessions, WebSockets and tokens end at once.",
            payload: "The stopped account.",
            typeof(OwnAccessError));
    }

    private static async Task<Result<InviteStaffPayload>> InviteAsync(MutationCall<InviteStaffInput> call, StaffUser staff)
    {
        var input = call.Input;
        var command = new InviteStaff(input.Email, input.Name, input.Role, HelpPoints(call, input.HelpPointIds), Digibuddy(call, input.DigibuddyId));
        if (call.Rules.Failed)
        {
            return call.Rules.Errors[0];
        }

        return (await call.Service<StaffAccounts>().InviteAsync(command, staff, call.Cancellation)).Map(Invited);
    }

    private static async Task<Result<InviteStaffPayload>> InviteAgainAsync(MutationCall<InviteStaffAgainInput> call, StaffUser staff)
    {
        var accountId = call.Rules.Id(nameof(call.Input.StaffAccountId), StaffAccountType.TypeName, call.Input.StaffAccountId);
        return call.Rules.Failed ? call.Rules.Errors[0]
            : (await call.Service<StaffAccounts>().InviteAgainAsync(accountId, staff, call.Cancellation)).Map(Invited);
    }

    private static async Task<Result<StaffAccount>> ChangeAccessAsync(MutationCall<ChangeStaffAccessInput> call, StaffUser staff)
    {
        var input = call.Input;
        var command = new ChangeStaffAccess(
            call.Rules.Id(nameof(input.StaffAccountId), StaffAccountType.TypeName, input.StaffAccountId), input.Role,
            HelpPoints(call, input.HelpPointIds), Digibuddy(call, input.DigibuddyId));
        return call.Rules.Failed ? call.Rules.Errors[0] : await call.Service<StaffAccounts>().ChangeAccessAsync(command, staff, call.Cancellation);
    }

    private static async Task<Result<StaffAccount>> DeactivateAsync(MutationCall<DeactivateStaffInput> call, StaffUser staff)
    {
        var accountId = call.Rules.Id(nameof(call.Input.StaffAccountId), StaffAccountType.TypeName, call.Input.StaffAccountId);
        return call.Rules.Failed ? call.Rules.Errors[0] : await call.Service<StaffAccounts>().DeactivateAsync(accountId, staff, call.Cancellation);
    }

    private static InviteStaffPayload Invited(StaffInvitation invitation) => new(invitation.Account, invitation.Sent);

    private static int[] HelpPoints<TInput>(MutationCall<TInput> call, IReadOnlyList<string>? ids) =>
        [.. (ids ?? []).Select(id => call.Rules.Id("helpPointIds", HelpPointType.TypeName, id))];

    private static int? Digibuddy<TInput>(MutationCall<TInput> call, string? id) =>
        id is null ? null : call.Rules.Id("digibuddyId", DigibuddyType.TypeName, id);
}
