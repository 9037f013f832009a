namespace Digibank.Api.Accounts;

/// <summary>An authenticator app's key in groups of four, the link an app can read, and whether one is on already.</summary>
public sealed record AuthenticatorSetup(string Key, string Uri, bool IsOn);
