namespace Digibank.Api.Privacy;

public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Days after a person's last closed sign-up, loan or help request before their details are anonymised.</summary>
    public int RetentionDays { get; set; } = 365;
}
