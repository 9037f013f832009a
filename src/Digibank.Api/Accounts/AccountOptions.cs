namespace Digibank.Api.Accounts;

public sealed class AccountOptions
{
    public const string Section = "Balie";

    /// <summary>How long a counter session lasts without use; every page opened starts the period again.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Failed sign-ins in a row before an account waits <see cref="LockoutPeriod"/>.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    public TimeSpan LockoutPeriod { get; set; } = TimeSpan.FromMinutes(15);
}
