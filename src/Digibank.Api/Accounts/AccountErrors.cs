using System.ComponentModel;

namespace Digibank.Api.Accounts;

[Description("Someone already has a staff account with this e-mail address.")]
public sealed record AccountExistsError(string Message) : UserError(Message, "ACCOUNT_EXISTS");

[Description("The invitation link is not valid: mistyped, used already, or older than its seven days.")]
public sealed record InvitationNotValidError(string Message) : UserError(Message, "INVITATION_NOT_VALID");

[Description("The password is not accepted: too short, or the same as the e-mail address.")]
public sealed record PasswordNotAcceptedError(string Message) : UserError(Message, "PASSWORD_NOT_ACCEPTED");

[Description("A coordinator cannot end or lower their own access: another coordinator does that, so the region always keeps one.")]
public sealed record OwnAccessError(string Message) : UserError(Message, "OWN_ACCESS");
