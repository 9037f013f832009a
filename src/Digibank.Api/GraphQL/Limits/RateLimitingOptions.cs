namespace Digibank.Api.GraphQL.Limits;

public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary><c>--RateLimiting:Enabled false</c> turns every limit off (benchmarks and load tests).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Anonymous mutations that store a resident's details: sign-ups, reservations, help requests.</summary>
    public RateLimit AnonymousMutations { get; set; } = new() { Enabled = true, PermitLimit = 20, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Every GraphQL request (HTTP, or a WebSocket upgrade) from one address.</summary>
    public RateLimit Requests { get; set; } = new() { Enabled = false, PermitLimit = 600, Window = TimeSpan.FromMinutes(1) };
}
