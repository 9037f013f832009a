namespace Digibank.Api.Data.Outbox;

public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>StackExchange.Redis configuration, e.g. <c>localhost:6379</c>; empty for one instance without Redis.</summary>
    public string? Configuration { get; set; }

    /// <summary>The pub/sub channel the instances of one deployment share.</summary>
    public string Channel { get; set; } = "digibank:outbox";
}
