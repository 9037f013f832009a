namespace Digibank.Api.Participants;

public sealed class SelfServiceOptions
{
    public const string Section = "SelfService";

    /// <summary>The address residents reach the API at, which starts every link in a message.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>How long a link in a message works.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(60);
}
