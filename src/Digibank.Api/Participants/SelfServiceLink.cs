namespace Digibank.Api.Participants;

/// <summary>A link's contents once its signature and expiry are checked.</summary>
public sealed record SelfServiceLink(SelfServiceAction Action, int Id, DateTime ExpiresAt);
