namespace Digibank.Api.Accounts;

public enum SignInOutcome
{
    SignedIn,
    CodeNeeded,
    Refused,

    /// <summary>The password step is too long ago (or never happened in this browser): start again.</summary>
    Expired,
}
