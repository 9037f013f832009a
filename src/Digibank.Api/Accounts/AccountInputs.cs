using System.ComponentModel;
using Digibank.Api.GraphQL.Mutations;
using Digibank.Api.Staff;
using GraphQL;

namespace Digibank.Api.Accounts;

public sealed record InviteStaffInput(
    [property: Description("Their e-mail address: the invitation goes there, and it is the name they sign in with.")] string Email,
    [property: Description("Their name, as colleagues and the records see it.")] string Name,
    [property: Description("STAFF, DIGIBUDDY or COORDINATOR.")] StaffRole Role,
    [property: Id, Description("The help points of the region a staff member works at.")] IReadOnlyList<string>? HelpPointIds,
    [property: Id, Description("For a digibuddy: which digibuddy of the region the account signs in.")] string? DigibuddyId);

public sealed record InviteStaffPayload(
    StaffAccount? StaffAccount,
    [property: Description("Whether the e-mail with the invitation went out; if not, `inviteStaffAgain` sends it again.")] bool? InvitationSent) : Payload;

public sealed record InviteStaffAgainInput([property: Id] string StaffAccountId);

public sealed record ChangeStaffAccessInput(
    [property: Id] string StaffAccountId,
    StaffRole Role,
    [property: Id] IReadOnlyList<string>? HelpPointIds,
    [property: Id] string? DigibuddyId);

public sealed record DeactivateStaffInput([property: Id] string StaffAccountId);
