namespace Digibank.Api.Observability;

public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    public const string Path = "/metrics";

    /// <summary>
    /// When set, a scraper elsewhere than on this machine may read <see cref="Path"/> by sending
    /// <c>Authorization: Bearer</c> and this token. Without it only loopback callers may.
    /// </summary>
    public string? ScrapeToken { get; set; }
}
