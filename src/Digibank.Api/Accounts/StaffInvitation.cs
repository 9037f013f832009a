namespace Digibank.Api.Accounts;

/// <summary>An invitation: the account, its one-time link, and whether the e-mail with it went out.</summary>
public sealed record StaffInvitation(StaffAccount Account, string Link, bool Sent);
